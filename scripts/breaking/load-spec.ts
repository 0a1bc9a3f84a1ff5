// Reads a multi-file spec document and resolves every `$ref` (relative files and JSON pointers) into
// one plain object, remembering the file#pointer each object came from. A `$ref` that loops back to
// an object being resolved becomes `{ $ref: 'cycle:<origin>' }`, which the diff treats as opaque.
import { dirname, relative, resolve } from 'node:path';
import { escapeToken, lookupPointer, splitRef } from '../core/json-pointer';
import { loadYaml } from '../core/yaml';

export interface LoadedSpec {
  document: unknown;
  /** `<file relative to rootDir>#<pointer>` of an object of `document`. */
  originOf(node: object): string | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

export function loadDereferenced(rootFile: string, rootDir = dirname(rootFile)): LoadedSpec {
  const files = new Map<string, unknown>();
  const resolved = new Map<string, unknown>();
  const resolving = new Set<string>();
  const origins = new WeakMap<object, string>();

  const readFile = (file: string): unknown => {
    if (!files.has(file)) files.set(file, loadYaml(file));
    return files.get(file);
  };

  function resolveRef(ref: string, fromFile: string): unknown {
    const { file: target, pointer } = splitRef(ref);
    const file = target === '' ? fromFile : resolve(dirname(fromFile), target);
    const key = `${relative(rootDir, file)}#${pointer}`;
    if (resolved.has(key)) return resolved.get(key);
    if (resolving.has(key)) return { $ref: `cycle:${key}` };
    const raw = lookupPointer(readFile(file), pointer);
    if (raw === undefined) throw new Error(`unresolvable $ref ${ref} in ${relative(rootDir, fromFile)}`);
    resolving.add(key);
    const value = walk(raw, file, pointer);
    resolving.delete(key);
    resolved.set(key, value);
    return value;
  }

  function walk(node: unknown, file: string, pointer: string): unknown {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, file, `${pointer}/${index}`));
    if (!isObject(node)) return node;
    const { $ref, ...siblings } = node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(siblings))
      copy[key] = walk(value, file, `${pointer}/${escapeToken(key)}`);
    if (typeof $ref !== 'string') {
      origins.set(copy, `${relative(rootDir, file)}#${pointer}`);
      return copy;
    }
    const target = resolveRef($ref, file);
    if (Object.keys(copy).length === 0 || !isObject(target)) return target;
    // Keywords beside `$ref` (OpenAPI 3.1 / JSON Schema 2020-12) apply too: merge them over the target.
    const merged = { ...target, ...copy };
    origins.set(merged, origins.get(target) ?? `${relative(rootDir, file)}#${pointer}`);
    return merged;
  }

  const document = walk(readFile(rootFile), rootFile, '');
  return { document, originOf: (node) => origins.get(node) };
}
