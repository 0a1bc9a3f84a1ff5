// RFC 6901 pointer lookup for `$ref` fragments (`file.yaml#/components/messages/x`).
export function resolvePointer(root: unknown, pointer: string, where: string): unknown {
  if (pointer === '' || pointer === '/') return root;
  let node = root;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) {
      throw new Error(`${where}: pointer ${pointer} does not resolve`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
