// The JSON Schema subset the spec uses, and the keyword lists the emitters check against:
// an unknown validation keyword is an error, never silently ignored.
export type JsonSchema = { [keyword: string]: unknown };

/** Keywords that describe but never constrain a value; emitters skip them. */
export const ANNOTATION_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'discriminator',
]);

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords of `schema` that are neither annotations, vendor extensions, nor in `handled`. */
export function unknownKeywords(schema: JsonSchema, handled: readonly string[]): string[] {
  return Object.keys(schema).filter(
    (key) => !ANNOTATION_KEYWORDS.has(key) && !key.startsWith('x-') && !handled.includes(key),
  );
}

/**
 * Type name a `$ref` points at: `./WorkDTO.yaml`, `../../schemas/WorkDTO.yaml` and
 * `#/components/schemas/WorkDTO` all name `WorkDTO`.
 */
export function refTypeName(ref: string): string {
  const file = /([^/#]+)\.ya?ml$/.exec(ref);
  if (file?.[1]) return file[1];
  const pointer = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  if (pointer?.[1]) return pointer[1];
  throw new Error(`unsupported $ref ${ref}: only schema files and #/components/schemas/X`);
}

/** Every `$ref` string anywhere inside `node`, in document order. */
export function collectRefs(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, into));
  else if (isSchema(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.push(value);
      else if (key !== 'examples') collectRefs(value, into);
    }
  }
  return into;
}
