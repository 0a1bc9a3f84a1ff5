// generated/swift/Tests/BooksTrackContractTests/DecodingRulesTests.swift: XCTests of the rules an
// old app relies on when the contract grows: every string enum reads an unknown value as
// `.unknown` and writes it back; a frame with an unknown enum value still decodes; timestamps
// decode with and without milliseconds; open `details` keep undocumented keys; close codes carry
// the x-close-codes actions.
import type { ContractExtensions } from './contract-extensions';
import { slashHeader, type HeaderInfo } from './header';
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import type { SchemaMap } from './schema-files';
import { canonicalJson } from './spec-examples';
import { enumCases } from './swift-enum';
import { swiftCaseName, swiftPropertyName, swiftString, swiftTypeName } from './swift-names';

/** A value no contract version uses, standing for one added after this app was built. */
export const FUTURE_VALUE = 'value_from_a_newer_contract';

/** Swift type path and values of every string enum: top-level schemas and inline property enums. */
export function stringEnums(schemas: SchemaMap): { type: string; values: string[] }[] {
  const found: { type: string; values: string[] }[] = [];
  for (const [name, schema] of schemas) {
    if (Array.isArray(schema.enum)) found.push({ type: swiftTypeName(name), values: schema.enum as string[] });
    for (const [key, property] of Object.entries(isSchema(schema.properties) ? schema.properties : {}))
      if (isSchema(property) && Array.isArray(property.enum))
        found.push({ type: `${swiftTypeName(name)}.${swiftTypeName(key)}`, values: property.enum as string[] });
  }
  return found;
}

/** A Swift string literal holding `value` as JSON text. */
const json = (value: unknown): string => swiftString(JSON.stringify(value));

function test(name: string, lines: string[]): string {
  return `    func ${name}() throws {\n${lines.map((line) => `        ${line}\n`).join('')}    }\n`;
}

function enumTests(schemas: SchemaMap): string[] {
  return stringEnums(schemas).map(({ type, values }) => {
    const known = enumCases(values)[0]!;
    return test(`test_${type.replace('.', '_')}_readsUnknownValuesAndWritesThemBack`, [
      `XCTAssertEqual(try decode(${type}.self, ${json(FUTURE_VALUE)}), .unknown(${swiftString(FUTURE_VALUE)}))`,
      `XCTAssertEqual(try encoded(${type}.unknown(${swiftString(FUTURE_VALUE)})), ${json(FUTURE_VALUE)})`,
      `XCTAssertEqual(try decode(${type}.self, ${json(known.value)}), .${known.caseName})`,
      `XCTAssertFalse(${type}.allCases.contains(.unknown(${swiftString(FUTURE_VALUE)})))`,
    ]);
  });
}

/** The first top-level property of a message schema whose type is a named string enum. */
function enumProperty(schema: JsonSchema, schemas: SchemaMap): string | undefined {
  return Object.entries(isSchema(schema.properties) ? schema.properties : {}).find(
    ([, property]) =>
      isSchema(property) &&
      typeof property.$ref === 'string' &&
      Array.isArray(schemas.get(refTypeName(property.$ref))?.enum),
  )?.[0];
}

function frameTests(schemas: SchemaMap, ext: ContractExtensions): string[] {
  const union = schemas.get('ServerMessage');
  const members = (Array.isArray(union?.oneOf) ? union.oneOf : []).filter(isSchema);
  return members.flatMap((member) => {
    const schema = schemas.get(refTypeName(String(member.$ref))) ?? {};
    const example = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
    const key = enumProperty(schema, schemas);
    if (!isSchema(example) || !key || !ext.serverMessageTypes.includes(String(example.type))) return [];
    const frame = canonicalJson({ ...example, [key]: FUTURE_VALUE });
    const caseName = swiftCaseName(String(example.type));
    return [
      test(`test_${caseName}_withAnUnknown_${key}_stillDecodes`, [
        `let value = try decode(ServerMessage.self, ${swiftString(frame)})`,
        `guard case .${caseName}(let message) = value else { return XCTFail("decoded as \\(value)") }`,
        `XCTAssertEqual(message.${swiftPropertyName(key)}, .unknown(${swiftString(FUTURE_VALUE)}))`,
      ]),
    ];
  });
}

const FIXED_TESTS = [
  test('test_dates_decodeWithAndWithoutFractionalSeconds', [
    'XCTAssertEqual(try XCTUnwrap(BooksTrackDate.parse("2025-11-20T10:00:00.042Z")).timeIntervalSince1970, 1763632800.042, accuracy: 0.0005)',
    'XCTAssertEqual(try XCTUnwrap(BooksTrackDate.parse("2025-11-20T10:00:00Z")).timeIntervalSince1970, 1763632800, accuracy: 0.0005)',
    'XCTAssertNil(BooksTrackDate.parse("20.11.2025 10:00"))',
    `let metadata = try decode(ResponseMetadata.self, ${json({ requestId: 'r1', timestamp: '2025-11-20T10:00:00Z' })})`,
    'XCTAssertEqual(metadata.timestamp.timeIntervalSince1970, 1763632800, accuracy: 0.0005)',
    'XCTAssertEqual(BooksTrackDate.string(from: metadata.timestamp), "2025-11-20T10:00:00.000Z")',
  ]),
  test('test_dates_failOnAStringThatIsNoTimestamp', [
    `XCTAssertThrowsError(try decode(ResponseMetadata.self, ${json({ requestId: 'r1', timestamp: 'yesterday' })}))`,
  ]),
  test('test_apiErrorDetails_keepUndocumentedKeys', [
    `let json = ${json({
      code: 'TOKEN_EXPIRED',
      message: 'Token expired',
      details: { refreshWindowOpensAt: '2025-11-20T11:30:00.000Z', retryAfterSeconds: 37 },
    })}`,
    'let error = try decode(ApiError.self, json)',
    'XCTAssertEqual(error.code, .tokenExpired)',
    'XCTAssertEqual(error.details?["refreshWindowOpensAt"], .string("2025-11-20T11:30:00.000Z"))',
    'XCTAssertEqual(error.details?.retryAfterSeconds, 37)',
    'let again = try decode(ApiError.self, String(decoding: try JSONEncoder.bookstrack.encode(error), as: UTF8.self))',
    'XCTAssertEqual(again, error)',
  ]),
  test('test_int64_holdsEpochMillisecondsBeyond32Bits', [
    'let timestamp: EpochMillis = try decode(EpochMillis.self, "1763632806250")',
    'XCTAssertEqual(timestamp, 1_763_632_806_250)',
  ]),
];

function closeCodeTests(ext: ContractExtensions): string[] {
  const lines = ext.closeCodes.flatMap((entry) => {
    const code = `try XCTUnwrap(CloseCode(rawValue: ${entry.code}))`;
    const policy = entry.reconnect === 'none' ? 'stop' : swiftCaseName(entry.reconnect);
    return [
      `XCTAssertEqual(${code}.reconnect, .${policy})`,
      entry.retryAfterMs === undefined
        ? `XCTAssertNil(${code}.retryAfterMs)`
        : `XCTAssertEqual(${code}.retryAfterMs, ${entry.retryAfterMs})`,
      `XCTAssertEqual(${code}.reasons.map(\\.rawValue), [${entry.reasons.map(swiftString).join(', ')}])`,
      ...Object.entries(entry.reasonReconnect ?? {}).map(
        ([reason, over]) =>
          `XCTAssertEqual(${code}.policy(forReason: ${swiftString(reason)}), .${over === 'none' ? 'stop' : swiftCaseName(over)})`,
      ),
    ];
  });
  return [test('test_closeCodes_carryTheirClientActions', [...lines, 'XCTAssertNil(CloseCode(rawValue: 4999))'])];
}

export function emitSwiftRuleTests(schemas: SchemaMap, ext: ContractExtensions, header: HeaderInfo): string {
  const tests = [...enumTests(schemas), ...frameTests(schemas, ext), ...FIXED_TESTS, ...closeCodeTests(ext)];
  return (
    `${slashHeader(header)}\nimport Foundation\nimport XCTest\nimport BooksTrackContract\n\n` +
    'final class DecodingRulesTests: XCTestCase {\n' +
    '    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {\n' +
    '        try JSONDecoder.bookstrack.decode(type, from: Data(json.utf8))\n    }\n\n' +
    '    private func encoded<T: Encodable>(_ value: T) throws -> String {\n' +
    '        String(decoding: try JSONEncoder.bookstrack.encode(value), as: UTF8.self)\n    }\n\n' +
    `${tests.join('\n')}}\n`
  );
}
