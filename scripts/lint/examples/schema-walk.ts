// Visits every subschema of a JSON Schema (2020-12 keywords) with its path, so examples nested on
// properties, items or union members are found. `$ref` targets are not followed: they are visited in
// their own file.
import type { PathSegment } from '../../core/json-pointer';

type Visitor = (schema: Record<string, unknown>, path: PathSegment[]) => void;

const SINGLE_SUBSCHEMA = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function walkSchema(schema: unknown, path: PathSegment[], visit: Visitor): void {
  if (!isObject(schema)) return;
  visit(schema, path);
  for (const key of SINGLE_SUBSCHEMA) walkSchema(schema[key], [...path, key], visit);
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((item, index) => walkSchema(item, [...path, key, index], visit));
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) for (const [name, item] of Object.entries(map)) walkSchema(item, [...path, key, name], visit);
  }
}
