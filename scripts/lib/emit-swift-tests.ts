// generated/swift/Tests/BooksTrackContractTests/ExampleDecodingTests.swift: one XCTest per spec
// example (schemas, messages, HTTP bodies), decoding it with `JSONDecoder.bookstrack` as the
// type a client would and asserting a few of its fields, so `swift test` proves the models read
// everything the contract documents.
import { slashHeader, type HeaderInfo } from './header';
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import type { SchemaMap } from './schema-files';
import { canonicalJson, type SpecExample } from './spec-examples';
import { enumCases } from './swift-enum';
import { swiftCaseName, swiftPropertyName, swiftString, swiftTypeName } from './swift-names';

/** At most this many field assertions per example: enough to catch a misread, short to read. */
const MAX_ASSERTIONS = 5;

function resolve(schema: JsonSchema, schemas: SchemaMap): JsonSchema {
  for (let hops = 0; typeof schema.$ref === 'string' && hops < 8; hops++)
    schema = schemas.get(refTypeName(schema.$ref)) ?? {};
  return schema;
}

/**
 * `XCTAssert…` lines for the scalar, enum, array and open-object fields of one example object,
 * descending into closed objects; `isChained` when `expr` already holds a `?.` (every leaf optional).
 */
function fieldAssertions(
  expr: string,
  schema: JsonSchema,
  value: unknown,
  schemas: SchemaMap,
  isChained = false,
  budget = { left: MAX_ASSERTIONS },
): string[] {
  if (!isSchema(value)) return [];
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const lines: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    const declared = properties[key];
    if (!isSchema(declared) || 'const' in declared || budget.left <= 0) continue;
    const target = resolve(declared, schemas);
    const access = `${expr}.${swiftPropertyName(key)}`;
    const isOptional = isChained || !required.has(key);
    if (target.type === 'object' && target.additionalProperties !== true && isSchema(target.properties)) {
      const chained = isChained || !required.has(key);
      lines.push(
        ...fieldAssertions(`${access}${required.has(key) ? '' : '?'}`, target, field, schemas, chained, budget),
      );
      continue;
    }
    const line = fieldAssertion(access, !required.has(key), isOptional, target, field);
    if (line) {
      lines.push(line);
      budget.left -= 1;
    }
  }
  return lines;
}

/** `isOptionalLeaf`: the key itself may be absent; `isOptional`: the expression's type is an Optional. */
function fieldAssertion(
  access: string,
  isOptionalLeaf: boolean,
  isOptional: boolean,
  schema: JsonSchema,
  value: unknown,
): string | undefined {
  const opt = isOptionalLeaf ? '?' : '';
  if (Array.isArray(schema.enum) && typeof value === 'string')
    return `XCTAssertEqual(${access}, .${enumCases([value])[0]!.caseName})`;
  if (schema.type === 'string' && typeof value === 'string') {
    if (schema.format !== 'date-time') return `XCTAssertEqual(${access}, ${swiftString(value)})`;
    const seconds = (Date.parse(value) / 1000).toFixed(3);
    const date = isOptional ? `try XCTUnwrap(${access})` : access;
    return `XCTAssertEqual(${date}.timeIntervalSince1970, ${seconds}, accuracy: 0.0005)`;
  }
  if ((schema.type === 'integer' || schema.type === 'number') && typeof value === 'number')
    return `XCTAssertEqual(${access}, ${value})`;
  if (schema.type === 'boolean' && typeof value === 'boolean') return `XCTAssertEqual(${access}, ${value})`;
  if (schema.type === 'array' && Array.isArray(value)) return `XCTAssertEqual(${access}${opt}.count, ${value.length})`;
  if (schema.type === 'object' && schema.additionalProperties === true && isSchema(value))
    return `XCTAssertEqual(${access}${opt}.values.count, ${Object.keys(value).length})`;
  return undefined;
}

/** The member of a message union whose `type` const is `tag`. */
function unionMember(union: JsonSchema, tag: unknown, schemas: SchemaMap): string | undefined {
  return (union.oneOf as unknown[])
    .filter(isSchema)
    .map((member) => refTypeName(String(member.$ref)))
    .find((name) => {
      const properties = schemas.get(name)?.properties;
      return isSchema(properties) && isSchema(properties.type) && properties.type.const === tag;
    });
}

/** The message union that lists `member` in its oneOf. */
function unionOf(member: string, schemas: SchemaMap): string | undefined {
  return [...schemas].find(
    ([, schema]) =>
      Array.isArray(schema.oneOf) &&
      schema.oneOf.some(
        (entry) => isSchema(entry) && typeof entry.$ref === 'string' && refTypeName(entry.$ref) === member,
      ),
  )?.[0];
}

interface TestBody {
  decode: string;
  lines: string[];
}

function testBody(example: SpecExample, schemas: SchemaMap, clientTypes: readonly string[]): TestBody {
  const { typeName, value } = example;
  if (typeName === undefined)
    return {
      decode: '[String: JSONValue].self',
      lines: [`XCTAssertEqual(value.count, ${isSchema(value) ? Object.keys(value).length : 0})`],
    };
  const schema = resolve(schemas.get(typeName) ?? {}, schemas);
  const swiftType = swiftTypeName(typeName);
  if (example.isEnvelope)
    return {
      decode: `Envelope<${swiftType}>.self`,
      lines: [
        ...fieldAssertions(
          'value.metadata',
          schemas.get('ResponseMetadata') ?? {},
          (value as JsonSchema).metadata,
          schemas,
        ),
        ...fieldAssertions('value.data', schema, (value as JsonSchema).data, schemas),
      ],
    };
  // A server message as a frame is decoded the way an app reads the socket: through its union.
  const union =
    isSchema(value) && example.sources.some((source) => source.startsWith('message '))
      ? unionOf(typeName, schemas)
      : undefined;
  if (union && !clientTypes.includes(String((value as JsonSchema).type)))
    return testBody({ ...example, typeName: union }, schemas, clientTypes);
  if (Array.isArray(schema.oneOf) && isSchema(value)) {
    const member = unionMember(schema, value.type, schemas);
    if (!member) throw new Error(`${typeName} example of type ${String(value.type)} matches no member`);
    const memberSchema = schemas.get(member)!;
    // A client union only encodes; its examples decode as the member struct.
    if (clientTypes.includes(String(value.type)))
      return { decode: `${swiftTypeName(member)}.self`, lines: fieldAssertions('value', memberSchema, value, schemas) };
    return {
      decode: `${swiftType}.self`,
      lines: [
        `guard case .${swiftCaseName(String(value.type))}(let message) = value else { return XCTFail("decoded as \\(value)") }`,
        ...fieldAssertions('message', memberSchema, value, schemas),
      ],
    };
  }
  if (Array.isArray(schema.enum) && typeof value === 'string')
    return { decode: `${swiftType}.self`, lines: [`XCTAssertEqual(value, .${enumCases([value])[0]!.caseName})`] };
  if (schema.type === 'object')
    return { decode: `${swiftType}.self`, lines: fieldAssertions('value', schema, value, schemas) };
  if (schema.type === 'string' && typeof value === 'string')
    return { decode: `${swiftType}.self`, lines: [`XCTAssertEqual(value, ${swiftString(value)})`] };
  return { decode: `${swiftType}.self`, lines: [`XCTAssertEqual(value, ${JSON.stringify(value)})`] };
}

/** `test_012_getJobState_200` from the first place the example is stated. */
function testName(index: number, example: SpecExample): string {
  const slug = example.sources[0]!.replace(/#\d+$/, '')
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_');
  return `test_${String(index + 1).padStart(3, '0')}_${slug}`.replace(/_+$/, '');
}

export function emitSwiftExampleTests(
  examples: readonly SpecExample[],
  schemas: SchemaMap,
  clientTypes: readonly string[],
  header: HeaderInfo,
): string {
  const tests = examples.map((example, i) => {
    const body = testBody(example, schemas, clientTypes);
    const lines = [
      `let json = ${swiftString(canonicalJson(example.value))}`,
      `let value = try decode(${body.decode}, json)`,
    ];
    // Decoding is the main assertion; an example with no assertable field still checks that.
    lines.push(...(body.lines.length ? body.lines : ['_ = value']));
    return (
      `    /// ${example.sources.join(', ')}\n` +
      `    func ${testName(i, example)}() throws {\n${lines.map((line) => `        ${line}\n`).join('')}    }\n`
    );
  });
  return (
    `${slashHeader(header)}// One test per spec example (identical examples once); each names where it is stated.\n\n` +
    'import Foundation\nimport XCTest\nimport BooksTrackContract\n\n' +
    'final class ExampleDecodingTests: XCTestCase {\n' +
    '    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {\n' +
    '        try JSONDecoder.bookstrack.decode(type, from: Data(json.utf8))\n    }\n\n' +
    `${tests.join('\n')}}\n`
  );
}
