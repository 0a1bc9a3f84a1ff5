// Tagged unions (ClientMessage, ServerMessage) as Swift enums with associated values. Server
// messages decode on `type` and fall back to `unknown(type:)`; client messages only encode.
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import type { SchemaMap } from './schema-files';
import { swiftCaseName, swiftDoc, swiftString, swiftTypeName } from './swift-names';

interface Member {
  tag: string;
  caseName: string;
  typeName: string;
}

function members(name: string, schema: JsonSchema, schemas: SchemaMap): Member[] {
  return (schema.oneOf as unknown[]).map((member) => {
    if (!isSchema(member) || typeof member.$ref !== 'string') throw new Error(`${name}: union members must be $refs`);
    const target = refTypeName(member.$ref);
    const properties = schemas.get(target)?.properties;
    const tag = isSchema(properties) && isSchema(properties.type) ? properties.type.const : undefined;
    if (typeof tag !== 'string') throw new Error(`${name}: ${target} has no const type tag`);
    return { tag, caseName: swiftCaseName(tag), typeName: swiftTypeName(target) };
  });
}

function decodableUnion(name: string, list: Member[]): string {
  const cases = list.map((m) => `    case ${m.caseName}(${m.typeName})\n`).join('');
  const switchCases = list
    .map((m) => `        case ${swiftString(m.tag)}: self = .${m.caseName}(try ${m.typeName}(from: decoder))\n`)
    .join('');
  return (
    `public enum ${name}: Decodable, Sendable, Equatable {\n${cases}` +
    '    /// A message type this app version does not know; ignore it (the contract allows new types).\n' +
    '    case unknown(type: String)\n\n' +
    '    private enum TagKey: String, CodingKey {\n        case type\n    }\n\n' +
    '    public init(from decoder: Decoder) throws {\n' +
    '        let type = try decoder.container(keyedBy: TagKey.self).decode(String.self, forKey: .type)\n' +
    `        switch type {\n${switchCases}        default: self = .unknown(type: type)\n        }\n    }\n}\n`
  );
}

function encodableUnion(name: string, list: Member[]): string {
  const cases = list.map((m) => `    case ${m.caseName}(${m.typeName})\n`).join('');
  const switchCases = list
    .map((m) => `        case .${m.caseName}(let message): try message.encode(to: encoder)\n`)
    .join('');
  return (
    `public enum ${name}: Encodable, Sendable, Equatable {\n${cases}\n` +
    `    public func encode(to encoder: Encoder) throws {\n        switch self {\n${switchCases}        }\n    }\n}\n`
  );
}

export function swiftUnion(
  name: string,
  schema: JsonSchema,
  schemas: SchemaMap,
  clientTags: readonly string[],
): string {
  const list = members(name, schema, schemas);
  const isClientUnion = list.every((m) => clientTags.includes(m.tag));
  return swiftDoc(schema, '') + (isClientUnion ? encodableUnion(name, list) : decodableUnion(name, list));
}
