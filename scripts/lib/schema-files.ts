// Loads spec/schemas/*.yaml: file name == type name (STYLE.md), so the map key is the name.
import { listYamlFiles, loadYaml, yamlFileStem } from '../core/yaml';
import { isSchema, type JsonSchema } from './json-schema';

export type SchemaMap = ReadonlyMap<string, JsonSchema>;

export function loadSchemas(dir: string): SchemaMap {
  const schemas = new Map<string, JsonSchema>();
  for (const file of listYamlFiles(dir)) {
    const schema = loadYaml(file);
    if (!isSchema(schema)) throw new Error(`${file}: not a JSON Schema object`);
    schemas.set(yamlFileStem(file), schema);
  }
  return schemas;
}
