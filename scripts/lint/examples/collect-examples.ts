// Finds every example in one spec file and the schema it must satisfy: `examples` of JSON Schemas,
// OpenAPI `example`/`examples` of media types, parameters and headers, and AsyncAPI message examples
// (payload and headers). Each site names the schema by file + JSON path so ajv resolves its `$ref`s.
import type { PathSegment } from '../../core/json-pointer';
import { isObject, walkSchema } from './schema-walk';

export interface ExampleSite {
  /** Where the example value sits in the file. */
  valuePath: PathSegment[];
  value: unknown;
  /** Where the schema it must satisfy sits in the same file. */
  schemaPath: PathSegment[];
  /** `$ref` of an OpenAPI Example Object, resolved by the validator. */
  valueRef?: string;
}

function schemaExamples(schema: unknown, path: PathSegment[], sites: ExampleSite[]): void {
  walkSchema(schema, path, (node, at) => {
    if (!Array.isArray(node.examples)) return;
    node.examples.forEach((value, index) =>
      sites.push({ valuePath: [...at, 'examples', index], value, schemaPath: at }),
    );
  });
}

/** OpenAPI media type, parameter or header: `schema` plus `example` or a map of Example Objects. */
function mediaExamples(node: Record<string, unknown>, path: PathSegment[], sites: ExampleSite[]): void {
  const schemaPath = [...path, 'schema'];
  schemaExamples(node.schema, schemaPath, sites);
  if ('example' in node) sites.push({ valuePath: [...path, 'example'], value: node.example, schemaPath });
  if (!isObject(node.examples)) return;
  for (const [name, example] of Object.entries(node.examples)) {
    if (!isObject(example)) continue;
    const valuePath = [...path, 'examples', name, 'value'];
    if (typeof example.$ref === 'string')
      sites.push({ valuePath, value: undefined, schemaPath, valueRef: example.$ref });
    else if ('value' in example) sites.push({ valuePath, value: example.value, schemaPath });
  }
}

/** AsyncAPI message: `payload`/`headers` schemas and `examples: [{payload, headers}]`. */
function messageExamples(node: Record<string, unknown>, path: PathSegment[], sites: ExampleSite[]): void {
  for (const part of ['payload', 'headers'] as const) schemaExamples(node[part], [...path, part], sites);
  if (!Array.isArray(node.examples)) return;
  node.examples.forEach((example, index) => {
    if (!isObject(example)) return;
    for (const part of ['payload', 'headers'] as const) {
      if (part in example && isObject(node[part])) {
        sites.push({
          valuePath: [...path, 'examples', index, part],
          value: example[part],
          schemaPath: [...path, part],
        });
      }
    }
  });
}

const SCHEMA_MAP_KEYS = new Set(['schemas']);
const BINDING_SCHEMA_KEYS = new Set(['query', 'headers']);

function documentExamples(node: unknown, path: PathSegment[], sites: ExampleSite[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => documentExamples(item, [...path, index], sites));
    return;
  }
  if (!isObject(node)) return;
  if (isObject(node.schema)) return mediaExamples(node, path, sites);
  if (isObject(node.payload)) return messageExamples(node, path, sites);
  for (const [key, value] of Object.entries(node)) {
    const at = [...path, key];
    if (key === 'examples' || key === 'example' || key.startsWith('x-')) continue;
    if (SCHEMA_MAP_KEYS.has(key) && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) schemaExamples(schema, [...at, name], sites);
    } else if (path.at(-1) === 'ws' && BINDING_SCHEMA_KEYS.has(key)) {
      schemaExamples(value, at, sites);
    } else {
      documentExamples(value, at, sites);
    }
  }
}

/** Sites of a standalone JSON Schema file (spec/schemas/X.yaml). */
export function collectSchemaFileExamples(data: unknown): ExampleSite[] {
  const sites: ExampleSite[] = [];
  schemaExamples(data, [], sites);
  return sites;
}

/** Sites of an OpenAPI or AsyncAPI file: a root document or a fragment reached by `$ref`. */
export function collectDocumentExamples(data: unknown): ExampleSite[] {
  const sites: ExampleSite[] = [];
  documentExamples(data, [], sites);
  return sites;
}
