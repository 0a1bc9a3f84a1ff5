// Lint step: every example in spec/ validates against its schema (ajv 2020 + formats), and every
// spec/schemas file has `examples` (STYLE.md: each schema has at least one example), except a schema
// that is a whole response body: its examples are the responses' own (see response-schemas.ts).
import { relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lookupPointer, parsePointer, splitRef } from '../../core/json-pointer';
import type { Finding } from '../finding';
import { locate, type SpecFile } from '../spec-files';
import { collectDocumentExamples, collectSchemaFileExamples, type ExampleSite } from './collect-examples';
import { createExampleValidator, type ExampleValidator } from './example-ajv';
import { responseBodySchemaFiles } from './response-schemas';

function isSchemaFile(specDir: string, file: string): boolean {
  return relative(specDir, file).split(sep)[0] === 'schemas';
}

function finding(spec: SpecFile, path: Parameters<typeof locate>[1], rule: string, message: string): Finding {
  return { tool: 'examples', rule, severity: 'error', message, file: spec.file, ...locate(spec, path) };
}

function checkSite(
  spec: SpecFile,
  site: ExampleSite,
  validator: ExampleValidator,
  files: Map<string, SpecFile>,
): Finding[] {
  let validate;
  try {
    validate = validator.validatorFor(spec.file, site.schemaPath);
  } catch (error) {
    return [
      finding(
        spec,
        site.schemaPath,
        'example-schema-unresolved',
        `schema of this example does not compile: ${(error as Error).message}`,
      ),
    ];
  }
  let value = site.value;
  try {
    if (site.valueRef !== undefined) value = resolveExampleRef(spec.file, site.valueRef, files);
  } catch (error) {
    return [finding(spec, site.valuePath, 'example-ref-unresolved', (error as Error).message)];
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const at = [...site.valuePath, ...parsePointer(error.instancePath)];
    const where = error.instancePath || '(root)';
    return finding(
      spec,
      at,
      'example-valid',
      `example ${where} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
    );
  });
}

/** `value` of an Example Object reached by `$ref` (same file or another spec file). */
function resolveExampleRef(file: string, ref: string, files: Map<string, SpecFile>): unknown {
  const { file: target, pointer } = splitRef(ref);
  const targetFile = target === '' ? file : fileURLToPath(new URL(target, pathToFileURL(file)));
  const spec = files.get(targetFile);
  if (!spec) throw new Error(`example $ref ${ref} points outside spec/`);
  const example = lookupPointer(spec.data, pointer);
  return (example as { value?: unknown } | undefined)?.value;
}

export function validateExamples(
  specDir: string,
  files: Map<string, SpecFile>,
): { findings: Finding[]; checked: number } {
  const validator = createExampleValidator(files.values(), (file) => isSchemaFile(specDir, file));
  const findings: Finding[] = [];
  const responseBodies = responseBodySchemaFiles(specDir, files.values());
  let checked = 0;
  for (const spec of files.values()) {
    if (spec.data === undefined) continue;
    const schemaFile = isSchemaFile(specDir, spec.file);
    const hasExamples = Array.isArray((spec.data as { examples?: unknown }).examples);
    if (schemaFile && responseBodies.has(spec.file) && hasExamples) {
      findings.push(
        finding(
          spec,
          ['examples'],
          'response-schema-examples',
          'a response body schema has `examples`: mock servers (Prism) answer every status with them; keep them on the responses',
        ),
      );
    } else if (schemaFile && !responseBodies.has(spec.file) && !hasExamples) {
      findings.push(finding(spec, [], 'schema-examples', 'schema has no `examples`'));
    }
    const sites = schemaFile ? collectSchemaFileExamples(spec.data) : collectDocumentExamples(spec.data);
    checked += sites.length;
    for (const site of sites) findings.push(...checkSite(spec, site, validator, files));
  }
  return { findings, checked };
}
