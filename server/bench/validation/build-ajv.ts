// Node side of the validation bench: compiles the contract's JSON Schemas (from the bundled
// documents, the same ones the zod validators and fast guards come from) with ajv 8 in strict mode
// and writes its standalone ESM code beside the bench worker: the floor the guards are measured against.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone';
import { listBenchCases, type BenchCase } from './cases';

type Json = Record<string, unknown>;

const GENERATED = resolve(import.meta.dirname, '../../../generated');
export const AJV_MODULE = join(import.meta.dirname, 'ajv-validators.gen.js');
const BASE = 'https://bench.bookstrack.invalid/';

const readJson = (file: string): Json => JSON.parse(readFileSync(join(GENERATED, file), 'utf8')) as Json;

/** Deep copy with `#/components/schemas/X` refs made absolute, so every schema can sit in one ajv. */
function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? [key, `${BASE}schemas/${value.slice('#/components/schemas/'.length)}`]
        : [key, key === 'examples' ? undefined : absoluteRefs(value)],
    ),
  );
}

function extensionKeywords(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => extensionKeywords(item, into));
  else if (typeof node === 'object' && node !== null)
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      extensionKeywords(value, into);
    }
  return into;
}

function operationSchema(openapi: Json, target: BenchCase['target']): Json {
  const paths = openapi.paths as Record<string, Record<string, Json>>;
  for (const item of Object.values(paths))
    for (const op of Object.values(item)) {
      if (op.operationId !== (target as { operationId?: string }).operationId) continue;
      const content =
        target.kind === 'request'
          ? (op.requestBody as Json).content
          : ((op.responses as Record<string, Json>)[(target as { status: string }).status] as Json).content;
      return ((content as Record<string, Json>)['application/json'] as Json).schema as Json;
    }
  throw new Error(`no schema for ${JSON.stringify(target)}`);
}

/** Writes the standalone module and returns the bench cases it covers. */
export function buildAjvStandalone(): BenchCase[] {
  const openapi = readJson('openapi.json');
  const asyncapi = readJson('asyncapi.json');
  const components = {
    ...((asyncapi.components as Json).schemas as Json),
    ...((openapi.components as Json).schemas as Json),
  };
  const ajv = new Ajv({
    strict: true,
    code: { source: true, esm: true },
    keywords: [...extensionKeywords(components)],
  });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(components))
    ajv.addSchema({ ...(absoluteRefs(schema) as Json), $id: `${BASE}schemas/${name}` });
  const cases = listBenchCases(openapi, asyncapi);
  const exports: Record<string, string> = {};
  for (const entry of cases) {
    if (entry.ajvExport in exports) continue;
    const id = `${BASE}${entry.ajvExport}`;
    const schema =
      entry.target.kind === 'schema'
        ? { $ref: `${BASE}schemas/${entry.target.name}` }
        : absoluteRefs(operationSchema(openapi, entry.target));
    ajv.addSchema({ ...(schema as Json), $id: id });
    exports[entry.ajvExport] = id;
  }
  const table = Object.keys(exports)
    .map((name) => `${name}`)
    .join(', ');
  writeFileSync(
    AJV_MODULE,
    `// Written by bench/validation/build-ajv.ts (ajv standalone); not committed.\n${standaloneCode(ajv, exports)}\n` +
      `export default { ${table} };\n`,
  );
  return cases;
}
