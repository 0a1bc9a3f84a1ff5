// String enums as open Swift enums: every wire value is a case, and any other string decodes to
// `.unknown(String)` and encodes back unchanged, so a value added in a minor version never fails
// a whole frame or results array (spec/README.md compatibility rules).
import type { JsonSchema } from './json-schema';
import { swiftCaseName, swiftDoc, swiftString } from './swift-names';

/** The fallback case of every open enum. */
export const UNKNOWN_CASE = 'unknown';

export interface EnumCase {
  caseName: string;
  value: string;
}

/**
 * Case names of the wire values. A value whose name would be the fallback's (`AuthorGender`
 * `Unknown`) takes a `Value` suffix, so `.unknown(String)` means the same in every enum.
 */
export function enumCases(values: readonly string[]): EnumCase[] {
  return values.map((value) => {
    const name = swiftCaseName(value);
    return { caseName: name === UNKNOWN_CASE ? `${name}Value` : name, value };
  });
}

export function swiftEnum(name: string, values: readonly string[], schema: JsonSchema, indent: string): string {
  const i1 = `${indent}    `;
  const i2 = `${i1}    `;
  const cases = enumCases(values);
  const decl = cases.map((c) => `${i1}case ${c.caseName}\n`).join('');
  const fromRaw = cases.map((c) => `${i2}case ${swiftString(c.value)}: self = .${c.caseName}\n`).join('');
  const toRaw = cases.map((c) => `${i2}case .${c.caseName}: return ${swiftString(c.value)}\n`).join('');
  const all = cases.map((c) => `.${c.caseName}`).join(', ');
  return (
    `${swiftDoc(schema, indent)}${indent}public enum ${name}: RawRepresentable, Codable, Sendable, Hashable, CaseIterable {\n` +
    decl +
    `${i1}/// A value this app version does not know (added in a newer contract); keep it, never fail on it.\n` +
    `${i1}case ${UNKNOWN_CASE}(String)\n\n` +
    `${i1}/// The known values, in spec order (\`.${UNKNOWN_CASE}\` is not among them).\n` +
    `${i1}public static let allCases: [${name}] = [${all}]\n\n` +
    `${i1}public init(rawValue: String) {\n${i1}    switch rawValue {\n${fromRaw}${i2}default: self = .${UNKNOWN_CASE}(rawValue)\n${i1}    }\n${i1}}\n\n` +
    `${i1}public var rawValue: String {\n${i1}    switch self {\n${toRaw}${i2}case .${UNKNOWN_CASE}(let value): return value\n${i1}    }\n${i1}}\n\n` +
    `${i1}/// False for \`.${UNKNOWN_CASE}\`: a value from a newer contract.\n` +
    `${i1}public var isKnown: Bool {\n${i1}    if case .${UNKNOWN_CASE} = self { return false }\n${i1}    return true\n${i1}}\n\n` +
    `${i1}public init(from decoder: Decoder) throws {\n` +
    `${i1}    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))\n${i1}}\n\n` +
    `${i1}public func encode(to encoder: Encoder) throws {\n` +
    `${i1}    var container = encoder.singleValueContainer()\n${i1}    try container.encode(rawValue)\n${i1}}\n` +
    `${indent}}\n`
  );
}
