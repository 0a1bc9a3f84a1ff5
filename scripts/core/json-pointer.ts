// RFC 6901 JSON pointers as the scripts meet them: `$ref` fragments (`file.yaml#/components/x`),
// ajv's instancePath, and the paths lint findings point at. Parsing, formatting, lookup.
export type PathSegment = string | number;

/** The file part ('' for the same document) and the pointer part ('' for the whole file) of a `$ref`. */
export function splitRef(ref: string): { file: string; pointer: string } {
  const [file = '', pointer = ''] = ref.split('#');
  return { file, pointer };
}

/** One reference token: `~` is written `~0` and `/` is written `~1`. */
export function escapeToken(segment: PathSegment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * `/a/b~1c` or `#/a/b~1c` → ['a', 'b/c']; '', '#' and '/' name the root. Tokens are URI-decoded
 * first, as in a `$ref` fragment (`#/paths/~1books%7Bid%7D`).
 */
export function parsePointer(pointer: string): string[] {
  const body = pointer.replace(/^#/, '');
  if (body === '' || body === '/') return [];
  return body
    .replace(/^\//, '')
    .split('/')
    .map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['a', 'b/c'] → `/a/b~1c`. */
export function formatPointer(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${escapeToken(segment)}`).join('');
}

/** The value `pointer` names inside `root` (own keys only), or undefined when a step is missing. */
export function lookupPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of parsePointer(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** `lookupPointer` for a pointer that must resolve; `where` names the referring place in the error. */
export function resolvePointer(root: unknown, pointer: string, where: string): unknown {
  const node = lookupPointer(root, pointer);
  if (node === undefined) throw new Error(`${where}: pointer ${pointer} does not resolve`);
  return node;
}
