// spec/asyncapi → one self-contained AsyncAPI document. Message files are inlined where they
// are referenced; spec/schemas files become components.schemas with internal refs, so the
// document shares its schema names with openapi.json and the generated code. An entry of the
// root's components.schemas may name a schema file of its own name (the message unions).
import { dirname, relative, resolve, sep } from 'node:path';
import { resolvePointer, splitRef } from '../core/json-pointer';
import { loadYaml, yamlFileStem } from '../core/yaml';
import { isSchema, type JsonSchema } from './json-schema';
import { sortComponents } from './sort-keys';

/** Keywords meaningless once a schema is embedded: `$id` would even re-base its internal refs. */
const EMBED_DROPPED = new Set(['$schema', '$id']);

export function bundleAsyncApi(entry: string, schemasDir: string): JsonSchema {
  const schemas = new Map<string, JsonSchema>();
  const inProgress = new Set<string>();
  const isSchemaFile = (file: string): boolean =>
    !relative(schemasDir, file).startsWith('..') && !relative(schemasDir, file).includes(sep);

  const schemaRef = (file: string): string => {
    const name = yamlFileStem(file);
    if (!schemas.has(name) && !inProgress.has(name)) {
      inProgress.add(name);
      const content = loadYaml(file);
      if (!isSchema(content)) throw new Error(`${file}: not a schema`);
      const embedded = Object.fromEntries(Object.entries(content).filter(([key]) => !EMBED_DROPPED.has(key)));
      schemas.set(name, walk(embedded, file, [file]) as JsonSchema);
      inProgress.delete(name);
    }
    return `#/components/schemas/${name}`;
  };

  const walk = (node: unknown, file: string, stack: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, file, stack));
    if (!isSchema(node)) return node;
    const { $ref, ...siblings } = node;
    const rest = Object.fromEntries(Object.entries(siblings).map(([key, value]) => [key, walk(value, file, stack)]));
    if (typeof $ref !== 'string') return rest;
    if ($ref.startsWith('#')) {
      if (file !== entry) throw new Error(`${file}: internal $ref ${$ref} outside the entry document`);
      return { $ref, ...rest };
    }
    const { file: path, pointer: fragment } = splitRef($ref);
    const target = resolve(dirname(file), path);
    if (isSchemaFile(target) && fragment === '') return { $ref: schemaRef(target), ...rest };
    if (stack.includes(target)) throw new Error(`$ref cycle through ${target}`);
    const inlined = walk(resolvePointer(loadYaml(target), fragment, target), target, [...stack, target]);
    return isSchema(inlined) ? { ...inlined, ...rest } : inlined;
  };

  const root = walk(loadYaml(entry), entry, [entry]);
  if (!isSchema(root)) throw new Error(`${entry}: not an object`);
  const components = isSchema(root.components) ? root.components : {};
  const declared = isSchema(components.schemas) ? components.schemas : {};
  const isFileEntry = (name: string, value: unknown): boolean =>
    schemas.has(name) &&
    isSchema(value) &&
    Object.keys(value).length === 1 &&
    value.$ref === `#/components/schemas/${name}`;
  const existing = Object.fromEntries(Object.entries(declared).filter(([name, value]) => !isFileEntry(name, value)));
  for (const name of schemas.keys()) {
    if (name in existing) throw new Error(`components.schemas.${name} is declared inline and as a file`);
  }
  return sortComponents({
    ...root,
    components: { ...components, schemas: { ...existing, ...Object.fromEntries(schemas) } },
  });
}
