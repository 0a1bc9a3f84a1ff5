// Which spec/schemas files are the whole body schema of an OpenAPI response (ErrorEnvelope). Their
// examples belong on the responses: a mock server such as Prism puts a body schema's first `examples`
// entry ahead of the response's own named examples, so one schema example would answer every status.
import { dirname, relative, resolve, sep } from 'node:path';
import { splitRef } from '../../core/json-pointer';
import type { SpecFile } from '../spec-files';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Files named by `content.*.schema.$ref` of one Response object (a `$ref`ed response has none). */
function bodySchemaFiles(file: string, response: unknown): string[] {
  return Object.values(record(record(response).content)).flatMap((media) => {
    const ref = record(record(media).schema).$ref;
    if (typeof ref !== 'string') return [];
    const { file: target, pointer } = splitRef(ref);
    return target !== '' && pointer === '' ? [resolve(dirname(file), target)] : [];
  });
}

/** Responses of a spec/openapi file: the file itself under responses/, or its operations' responses. */
function responsesOf(specDir: string, spec: SpecFile): unknown[] {
  const [top, kind] = relative(specDir, spec.file).split(sep);
  if (top !== 'openapi') return [];
  if (kind === 'responses') return [spec.data];
  const data = record(spec.data);
  const operations = [data, ...Object.values(record(data.paths))].flatMap((item) =>
    HTTP_METHODS.map((method) => record(record(item)[method])),
  );
  return operations.flatMap((operation) => Object.values(record(operation.responses)));
}

export function responseBodySchemaFiles(specDir: string, files: Iterable<SpecFile>): Set<string> {
  const found = new Set<string>();
  for (const spec of files) {
    for (const response of responsesOf(specDir, spec)) {
      for (const schemaFile of bodySchemaFiles(spec.file, response)) found.add(schemaFile);
    }
  }
  return found;
}
