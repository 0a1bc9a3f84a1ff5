// generated/swift/Sources/BooksTrackContract/BooksTrackModels.swift: Codable models for the iOS
// client. Own emitter rather than quicktype: field names must stay the wire names, string enums and
// the server-message enum need an unknown case so an old app survives values added in a minor
// version, open objects keep their undocumented keys, `date-time` strings are `Date`.
import { slashHeader, type HeaderInfo } from './header';
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import type { SchemaMap } from './schema-files';
import { swiftDoc, swiftPropertyName, swiftString, swiftTypeName } from './swift-names';
import { swiftEnum } from './swift-enum';
import { swiftOpenObject } from './swift-open-object';
import { swiftUnion } from './swift-union';
import { topoSort } from './topo-sort';

export interface SwiftOptions {
  /** `type` tags the client sends; unions of only these are Encodable, others Decodable. */
  clientMessageTypes: readonly string[];
}

const CONFORMANCES = 'Codable, Sendable, Equatable';

interface Property {
  name: string;
  swiftName: string;
  type: string;
  optional: boolean;
  constant?: string;
  doc: string;
}

/** Swift type of a property schema; inline enums and objects become nested declarations. */
function propertyType(schema: JsonSchema, nestedName: string, nested: string[], indent: string): string {
  if (typeof schema.$ref === 'string') return swiftTypeName(refTypeName(schema.$ref));
  if (Array.isArray(schema.enum)) {
    nested.push(swiftEnum(nestedName, schema.enum as string[], schema, indent));
    return nestedName;
  }
  if ('const' in schema)
    return typeof schema.const === 'string' ? 'String' : typeof schema.const === 'number' ? 'Int' : 'Bool';
  switch (schema.type) {
    case 'string':
    case 'integer':
      return scalarType(schema)!;
    case 'number':
      return 'Double';
    case 'boolean':
      return 'Bool';
    case 'array':
      return `[${propertyType(isSchema(schema.items) ? schema.items : {}, `${nestedName}Item`, nested, indent)}]`;
    case 'object':
      if (!isSchema(schema.properties) || Object.keys(schema.properties).length === 0) return '[String: JSONValue]';
      // An open object with documented keys keeps every key it was sent, with typed accessors.
      nested.push(
        schema.additionalProperties === true
          ? swiftOpenObject(nestedName, schema, indent, (property) => accessorType(property))
          : swiftStruct(nestedName, schema, indent),
      );
      return nestedName;
    default:
      throw new Error(`no Swift type for ${JSON.stringify(schema).slice(0, 80)}`);
  }
}

function structProperties(schema: JsonSchema, nested: string[], indent: string): Property[] {
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const properties = isSchema(schema.properties) ? schema.properties : {};
  return Object.entries(properties)
    .filter(([, property]) => isSchema(property) && property.type !== 'null')
    .map(([name, raw]) => {
      const property = raw as JsonSchema;
      const constant = 'const' in property ? JSON.stringify(property.const) : undefined;
      return {
        name,
        swiftName: swiftPropertyName(name),
        type: propertyType(property, swiftTypeName(name), nested, indent),
        optional: !required.has(name),
        ...(constant === undefined ? {} : { constant }),
        doc: swiftDoc(property, indent),
      };
    });
}

function swiftInit(properties: Property[], indent: string): string {
  const params = properties.map(
    (p) => `${p.swiftName}: ${p.type}${p.optional ? '? = nil' : p.constant ? ` = ${p.constant}` : ''}`,
  );
  const body = properties.map((p) => `${indent}    self.${p.swiftName.replace(/`/g, '')} = ${p.swiftName}\n`).join('');
  return `${indent}public init(${params.join(', ')}) {\n${body}${indent}}\n`;
}

function codingKeys(properties: Property[], indent: string): string {
  if (properties.every((p) => p.swiftName === p.name)) return '';
  const cases = properties
    .map((p) => `${indent}    case ${p.swiftName}${p.swiftName === p.name ? '' : ` = ${swiftString(p.name)}`}\n`)
    .join('');
  return `${indent}private enum CodingKeys: String, CodingKey {\n${cases}${indent}}\n`;
}

export function swiftStruct(name: string, schema: JsonSchema, indent: string): string {
  const inner = `${indent}    `;
  const nested: string[] = [];
  const properties = structProperties(schema, nested, inner);
  const skipped = Object.entries(isSchema(schema.properties) ? schema.properties : {})
    .filter(([, property]) => isSchema(property) && property.type === 'null')
    .map(([key]) => `${inner}// \`${key}\` is always null on the wire; not modelled.\n`);
  const fields = properties.map((p) => {
    const type = `${p.type}${p.optional ? '?' : ''}`;
    // Constant tags are `var` with a default so the memberwise init can omit them.
    return `${p.doc}${inner}public ${p.constant ? 'var' : 'let'} ${p.swiftName}: ${type}${
      p.constant ? ` = ${p.constant}` : ''
    }\n`;
  });
  const body = [
    nested.join('\n'),
    skipped.join('') + fields.join(''),
    swiftInit(properties, inner),
    codingKeys(properties, inner),
  ].filter(Boolean);
  return `${swiftDoc(schema, indent)}${indent}public struct ${name}: ${CONFORMANCES} {\n${body.join('\n')}${indent}}\n`;
}

/**
 * Integer schemas whose values outgrow 32 bits (`Int` is 32-bit on watchOS), beyond those marked
 * `format: int64`: adding a format to a released schema counts as breaking (scripts/breaking).
 */
const INT64_SCHEMAS = new Set(['EpochMillis']);

/** Swift type of a scalar schema: `date-time` strings are `Date`, `int64` integers `Int64`. */
export function scalarType(schema: JsonSchema): string | undefined {
  if (schema.type === 'string') return schema.format === 'date-time' ? 'Date' : 'String';
  if (schema.type === 'integer')
    return schema.format === 'int64' || INT64_SCHEMAS.has(String(schema.title)) ? 'Int64' : 'Int';
  if (schema.type === 'number') return 'Double';
  if (schema.type === 'boolean') return 'Bool';
  return undefined;
}

/** Type of a documented key of an open object, when it needs no nested declaration. */
function accessorType(schema: JsonSchema): string | undefined {
  if (typeof schema.$ref === 'string') return swiftTypeName(refTypeName(schema.$ref));
  if (schema.type === 'array' && isSchema(schema.items)) {
    const item = accessorType(schema.items);
    return item && `[${item}]`;
  }
  return Array.isArray(schema.enum) ? undefined : scalarType(schema);
}

function swiftDeclaration(name: string, schema: JsonSchema, schemas: SchemaMap, options: SwiftOptions): string {
  const typeName = swiftTypeName(name);
  if (Array.isArray(schema.oneOf)) return swiftUnion(typeName, schema, schemas, options.clientMessageTypes);
  if (Array.isArray(schema.enum)) return swiftEnum(typeName, schema.enum as string[], schema, '');
  if (schema.type === 'object') return swiftStruct(typeName, schema, '');
  // A typealias, not a wrapper struct: the value still encodes as a bare JSON string or number.
  const scalar = scalarType(schema);
  if (scalar) return `${swiftDoc(schema, '')}public typealias ${typeName} = ${scalar}\n`;
  throw new Error(`spec/schemas/${name}.yaml: no Swift mapping for a top-level ${String(schema.type)}`);
}

export function emitSwift(schemas: SchemaMap, options: SwiftOptions, header: HeaderInfo): string {
  const declarations = topoSort(schemas).map((name) => swiftDeclaration(name, schemas.get(name)!, schemas, options));
  return (
    `${slashHeader(header)}// Swift 5.9+. Field names are the wire names; optional fields are omitted, never null.\n` +
    '// Decode with `JSONDecoder.bookstrack` (BooksTrackSupport.swift): `Date` fields need its strategy.\n\n' +
    `import Foundation\n\n${declarations.join('\n')}`
  );
}
