// Open objects (`additionalProperties: true`, e.g. `ApiError.details`) as a Swift struct over
// `[String: JSONValue]`: every key the server sent survives decoding and re-encoding, and each
// documented key gets a typed read-only accessor.
import { isSchema, type JsonSchema } from './json-schema';
import { swiftDoc, swiftPropertyName, swiftString } from './swift-names';

/** JSONValue's own accessor for a scalar Swift type; other types decode through Codable. */
const SCALAR_ACCESSORS: Record<string, string> = {
  String: 'stringValue',
  Int: 'intValue',
  Int64: 'int64Value',
  Double: 'doubleValue',
  Bool: 'boolValue',
};

export function swiftOpenObject(
  name: string,
  schema: JsonSchema,
  indent: string,
  typeOf: (property: JsonSchema) => string | undefined,
): string {
  const i1 = `${indent}    `;
  const properties = Object.entries(isSchema(schema.properties) ? schema.properties : {}).filter(
    (entry): entry is [string, JsonSchema] => isSchema(entry[1]),
  );
  const accessors = properties.flatMap(([key, property]) => {
    const type = typeOf(property);
    if (!type) return [];
    const read = SCALAR_ACCESSORS[type]
      ? `values[${swiftString(key)}]?.${SCALAR_ACCESSORS[type]}`
      : `values[${swiftString(key)}]?.decode(${type}.self)`;
    return [`${swiftDoc(property, i1)}${i1}public var ${swiftPropertyName(key)}: ${type}? { ${read} }\n`];
  });
  return (
    `${swiftDoc(schema, indent)}${indent}public struct ${name}: Codable, Sendable, Equatable {\n` +
    `${i1}/// Every key as sent, documented or not (the contract may add keys in a minor version).\n` +
    `${i1}public var values: [String: JSONValue]\n\n` +
    `${i1}public init(_ values: [String: JSONValue] = [:]) {\n${i1}    self.values = values\n${i1}}\n\n` +
    `${i1}public init(from decoder: Decoder) throws {\n` +
    `${i1}    values = try decoder.singleValueContainer().decode([String: JSONValue].self)\n${i1}}\n\n` +
    `${i1}public func encode(to encoder: Encoder) throws {\n` +
    `${i1}    var container = encoder.singleValueContainer()\n${i1}    try container.encode(values)\n${i1}}\n\n` +
    `${i1}public subscript(key: String) -> JSONValue? { values[key] }\n` +
    (accessors.length ? `\n${accessors.join('')}` : '') +
    `${indent}}\n`
  );
}
