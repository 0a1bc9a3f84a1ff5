// generated/swift/decoding-rules.json: what the generated Swift models (emit-swift.ts) accept when
// they decode, as data: each struct's fields with their Swift types and optionality, each open enum's
// values, each message union's tags, and the type every HTTP response is decoded as. A release keeps
// this file (releases/X.Y.Z/client/) so that a test without a Swift compiler can decode the current
// contract the way an app built on X.Y.Z would (release/swift-rules-decoder.ts).
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import { listOperations } from './openapi-operations';
import type { SchemaMap } from './schema-files';
import { mediaType } from './spec-examples';
import { scalarType } from './emit-swift';
import { swiftTypeName } from './swift-names';

export const SWIFT_RULES_FORMAT = 'bookstrack-swift-decoding-rules/1';

/**
 * A Swift type as the models spell it: `String`, `Int` (32-bit on watchOS), `Int64`, `Double`,
 * `Bool`, `Date` (ISO 8601, fractional seconds optional), `[T]`, `[String: JSONValue]`, or the name of
 * a rule in `types` (nested types as `Parent.Child`).
 */
export type SwiftTypeRef = string;

export type SwiftTypeRule =
  | { kind: 'struct'; fields: Record<string, { type: SwiftTypeRef; optional: boolean }> }
  | { kind: 'enum'; values: string[]; unknownCase: boolean }
  | { kind: 'union'; tag: 'type'; members: Record<string, SwiftTypeRef>; decodable: boolean; unknownCase: boolean }
  | { kind: 'open' }
  | { kind: 'alias'; type: SwiftTypeRef };

export interface SwiftResponseRule {
  /** Undefined: a body the app does not decode (not JSON, or free-form). */
  type?: SwiftTypeRef;
  /** Decoded as `Envelope<type>`: `{data: type, metadata: ResponseMetadata}`. */
  envelope: boolean;
}

export interface SwiftDecodingRules {
  format: typeof SWIFT_RULES_FORMAT;
  contractVersion: string;
  types: Record<string, SwiftTypeRule>;
  /** operationId → status → what the app decodes the body as. */
  responses: Record<string, Record<string, SwiftResponseRule>>;
  /** The union server frames are decoded as; absent in a contract without one. */
  serverMessages?: SwiftTypeRef;
}

type Rules = Record<string, SwiftTypeRule>;

/** Mirrors emit-swift.ts propertyType: the Swift type of a property, nested rules added under `nestedName`. */
function propertyType(schema: JsonSchema, nestedName: string, rules: Rules): SwiftTypeRef {
  if (typeof schema.$ref === 'string') return swiftTypeName(refTypeName(schema.$ref));
  if (Array.isArray(schema.enum)) {
    rules[nestedName] = { kind: 'enum', values: schema.enum as string[], unknownCase: true };
    return nestedName;
  }
  if ('const' in schema)
    return typeof schema.const === 'string' ? 'String' : typeof schema.const === 'number' ? 'Int' : 'Bool';
  switch (schema.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return scalarType(schema)!;
    case 'array':
      return `[${propertyType(isSchema(schema.items) ? schema.items : {}, `${nestedName}Item`, rules)}]`;
    case 'object':
      if (!isSchema(schema.properties) || Object.keys(schema.properties).length === 0) return '[String: JSONValue]';
      rules[nestedName] =
        schema.additionalProperties === true ? { kind: 'open' } : structRule(nestedName, schema, rules);
      return nestedName;
    default:
      throw new Error(`no Swift type for ${JSON.stringify(schema).slice(0, 80)}`);
  }
}

function structRule(name: string, schema: JsonSchema, rules: Rules): SwiftTypeRule {
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const fields: Record<string, { type: SwiftTypeRef; optional: boolean }> = {};
  for (const [key, property] of Object.entries(isSchema(schema.properties) ? schema.properties : {})) {
    if (!isSchema(property) || property.type === 'null') continue;
    fields[key] = {
      type: propertyType(property, `${name}.${swiftTypeName(key)}`, rules),
      optional: !required.has(key),
    };
  }
  return { kind: 'struct', fields };
}

function unionRule(name: string, schema: JsonSchema, schemas: SchemaMap, clientTags: readonly string[]): SwiftTypeRule {
  const members: Record<string, SwiftTypeRef> = {};
  for (const member of schema.oneOf as unknown[]) {
    if (!isSchema(member) || typeof member.$ref !== 'string') throw new Error(`${name}: union members must be $refs`);
    const target = refTypeName(member.$ref);
    const properties = schemas.get(target)?.properties;
    const tag = isSchema(properties) && isSchema(properties.type) ? properties.type.const : undefined;
    if (typeof tag !== 'string') throw new Error(`${name}: ${target} has no const type tag`);
    members[tag] = swiftTypeName(target);
  }
  const decodable = !Object.keys(members).every((tag) => clientTags.includes(tag));
  return { kind: 'union', tag: 'type', members, decodable, unknownCase: decodable };
}

function topLevelRule(
  name: string,
  schema: JsonSchema,
  schemas: SchemaMap,
  clientTags: readonly string[],
  rules: Rules,
): SwiftTypeRule {
  const typeName = swiftTypeName(name);
  if (Array.isArray(schema.oneOf)) return unionRule(typeName, schema, schemas, clientTags);
  if (Array.isArray(schema.enum)) return { kind: 'enum', values: schema.enum as string[], unknownCase: true };
  if (schema.type === 'object') return structRule(typeName, schema, rules);
  const scalar = scalarType(schema);
  if (scalar) return { kind: 'alias', type: scalar };
  throw new Error(`spec/schemas/${name}.yaml: no Swift mapping for a top-level ${String(schema.type)}`);
}

function responseRules(openapi: JsonSchema): Record<string, Record<string, SwiftResponseRule>> {
  const responses: Record<string, Record<string, SwiftResponseRule>> = {};
  for (const op of listOperations(openapi)) {
    const byStatus: Record<string, SwiftResponseRule> = {};
    for (const { status, content } of op.responses) {
      const schema = content.find((media) => media.schema)?.schema;
      const decoded = schema ? mediaType(schema) : { typeName: undefined, isEnvelope: false };
      byStatus[status] = {
        ...(decoded.typeName === undefined ? {} : { type: swiftTypeName(decoded.typeName) }),
        envelope: decoded.isEnvelope,
      };
    }
    responses[op.operationId] = byStatus;
  }
  return responses;
}

export function swiftDecodingRules(
  schemas: SchemaMap,
  openapi: JsonSchema,
  clientMessageTypes: readonly string[],
): SwiftDecodingRules {
  const rules: Rules = {};
  for (const [name, schema] of [...schemas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    rules[swiftTypeName(name)] = topLevelRule(name, schema, schemas, clientMessageTypes, rules);
  const types = Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const info = isSchema(openapi.info) ? openapi.info : {};
  return {
    format: SWIFT_RULES_FORMAT,
    contractVersion: String(info.version),
    types,
    responses: responseRules(openapi),
    ...(types.ServerMessage ? { serverMessages: 'ServerMessage' } : {}),
  };
}
