// One ajv (JSON Schema 2020-12 + formats) holding every spec file under its file:// URL, so a schema at
// any file + JSON path compiles with its relative `$ref`s (`../../schemas/X.yaml`, `#/components/...`).
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { formatPointer, type PathSegment } from '../../core/json-pointer';
import type { SpecFile } from '../spec-files';

// ajv and ajv-formats are CommonJS with `exports.default`; under tsx/vitest ESM the default import is
// sometimes the module object.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

// OpenAPI's own `format` values: annotations here, as in OpenAPI 3.1 itself (value checks are the
// schema's `type`/`minimum`/`pattern`).
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

export interface ExampleValidator {
  validatorFor(file: string, schemaPath: readonly PathSegment[]): ValidateFunction;
}

export function fileUrl(file: string): string {
  return pathToFileURL(file).href;
}

export function createExampleValidator(
  files: Iterable<SpecFile>,
  isSchemaFile: (file: string) => boolean,
): ExampleValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  for (const format of OPENAPI_FORMATS) ajv.addFormat(format, true);
  for (const spec of files) {
    if (spec.data === null || typeof spec.data !== 'object') continue;
    const url = fileUrl(spec.file);
    ajv.addSchema(asRegistered(spec.data, url, isSchemaFile(spec.file)), url);
  }
  return {
    validatorFor(file, schemaPath) {
      const ref = `${fileUrl(file)}#${formatPointer(schemaPath)}`;
      const validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`cannot resolve schema ${ref}`);
      return validate;
    },
  };
}

// ajv compiles the root of every document it resolves a pointer into; an OpenAPI parameter or
// header file has `required: true` at its root, which is not a schema keyword there.
const ROOT_KEYWORDS_OF_NON_SCHEMAS = [
  'required',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'items',
  'properties',
  '$ref',
  '$schema',
];

/**
 * Registers a file under its own URL as `$id`: ajv resolves the `$ref`s of an id-less schema against
 * the schema that referenced it, so `./BookQuery.yaml` inside a schema file would break.
 */
function asRegistered(data: object, url: string, isSchema: boolean): object {
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>), $id: url };
  if (!isSchema) for (const keyword of ROOT_KEYWORDS_OF_NON_SCHEMAS) delete copy[keyword];
  return copy;
}
