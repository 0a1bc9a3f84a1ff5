// Loads spec/schemas/*.yaml: file name == type name (STYLE.md), so the map key is the name.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { isSchema, type JsonSchema } from './json-schema';
import { listFiles } from '../core/list-files';

export type SchemaMap = ReadonlyMap<string, JsonSchema>;

export function loadYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function loadSchemas(dir: string): SchemaMap {
  const schemas = new Map<string, JsonSchema>();
  for (const file of listFiles(dir, (name) => /\.ya?ml$/.test(name))) {
    const schema = loadYaml(file);
    if (!isSchema(schema)) throw new Error(`${file}: not a JSON Schema object`);
    schemas.set(basename(file).replace(/\.ya?ml$/, ''), schema);
  }
  return schemas;
}
