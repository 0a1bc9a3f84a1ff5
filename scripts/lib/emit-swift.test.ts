// The Swift emitter has no compiler here, so its output is parsed with tree-sitter-swift
// (WASM) and checked for the shapes the iOS client relies on: open enums, open details, Date
// for date-time strings, Int64 for epoch milliseconds.
import { beforeAll, describe, expect, it } from 'vitest';
import { emitSwift } from './emit-swift';
import { specPaths } from '../core/paths';
import { loadSchemas } from './schema-files';
import { loadSwiftParser, swiftSyntaxErrors as syntaxErrors } from './swift-syntax';

const schemas = loadSchemas(specPaths().schemas);
const swift = emitSwift(
  schemas,
  { clientMessageTypes: ['ready', 'cancel'] },
  { emitter: 'lib/emit-swift.ts', inputsHash: 'test' },
);

beforeAll(loadSwiftParser);

/** The body of `struct Name { ... }` or `enum Name ... { ... }` at top level. */
function declaration(kind: 'struct' | 'enum', name: string): string {
  const start = swift.indexOf(`public ${kind} ${name}:`);
  if (start === -1) return '';
  const end = swift.indexOf('\n}\n', start);
  return swift.slice(start, end + 2);
}

describe('emitSwift', () => {
  it('produces Swift that tree-sitter parses without errors', () => {
    expect(syntaxErrors(swift)).toEqual([]);
  });

  it('is caught by the syntax check when a brace goes missing', () => {
    expect(
      syntaxErrors(
        swift.replace(
          'public struct WorkDTO: Codable, Sendable, Equatable {',
          'public struct WorkDTO: Codable, Sendable, Equatable',
        ),
      ),
    ).not.toEqual([]);
  });

  it('declares a struct, enum or typealias for every spec schema', () => {
    const missing = [...schemas.keys()].filter(
      (name) =>
        !declaration('struct', name) && !declaration('enum', name) && !swift.includes(`public typealias ${name} = `),
    );
    expect(missing).toEqual([]);
  });

  it('maps a top-level scalar schema to a typealias of its wire type', () => {
    const scalars = new Map([['Stamp', { title: 'Stamp', description: 'Epoch ms.', type: 'integer', minimum: 0 }]]);
    const source = emitSwift(scalars, { clientMessageTypes: [] }, { emitter: 'lib/emit-swift.ts', inputsHash: 'test' });
    expect(source).toContain('/// Epoch ms.\npublic typealias Stamp = Int\n');
    expect(syntaxErrors(source)).toEqual([]);
  });

  it('maps int64 integers to Int64, so epoch milliseconds fit on 32-bit watchOS', () => {
    expect(swift).toContain('public typealias EpochMillis = Int64\n');
    expect(declaration('struct', 'JobProgressMessage')).toContain('public let timestamp: EpochMillis');
    expect(declaration('struct', 'ReconnectedPayload')).toContain('public let lastUpdate: EpochMillis');
  });

  it('maps date-time strings to Date', () => {
    expect(declaration('struct', 'ResponseMetadata')).toContain('public let timestamp: Date\n');
    expect(declaration('struct', 'JobState')).toContain('public let startedAt: Date?\n');
    expect(swift).not.toMatch(/public let \w+At: String/);
  });

  it('gives every string enum an unknown case that keeps the raw value', () => {
    const enums = [...swift.matchAll(/public enum (\w+): RawRepresentable, Codable/g)].map((m) => m[1]);
    expect(enums).toEqual(expect.arrayContaining(['ErrorCode', 'PipelineType', 'JobStatus', 'DataProvider', 'Status']));
    expect(swift).not.toMatch(/public enum \w+: String, Codable/);
    const openEnums = swift.split('RawRepresentable, Codable').length - 1;
    expect(swift.split('        default: self = .unknown(rawValue)\n').length - 1).toBeGreaterThanOrEqual(openEnums);
    expect(declaration('enum', 'JobStatus')).toContain('case .unknown(let value): return value');
  });

  it('renames a wire value that would take the fallback case name', () => {
    const gender = declaration('enum', 'AuthorGender');
    expect(gender).toContain('case "Unknown": self = .unknownValue');
    expect(gender).toContain('case unknown(String)');
  });

  it('keeps every key of an open details object, with typed accessors for the documented ones', () => {
    const apiError = declaration('struct', 'ApiError');
    expect(apiError).toContain('public var values: [String: JSONValue]');
    expect(apiError).toContain(
      'public var issues: [ValidationIssue]? { values["issues"]?.decode([ValidationIssue].self) }',
    );
    expect(apiError).toContain('public var retryAfterSeconds: Int? { values["retryAfterSeconds"]?.intValue }');
    expect(declaration('struct', 'ErrorPayload')).toContain(
      'public var provider: String? { values["provider"]?.stringValue }',
    );
  });

  it('decodes server messages on type with an unknown fallback', () => {
    const serverMessage = declaration('enum', 'ServerMessage');
    expect(serverMessage).toContain('public enum ServerMessage: Decodable');
    expect(serverMessage).toContain('case unknown(type: String)');
    expect(serverMessage).toContain('case "job_progress": self = .jobProgress(try JobProgressMessage(from: decoder))');
    expect(serverMessage).toContain('default: self = .unknown(type: type)');
  });

  it('makes client messages Encodable only', () => {
    expect(declaration('enum', 'ClientMessage')).toMatch(
      /^public enum ClientMessage: Encodable, Sendable, Equatable \{/,
    );
  });

  it('keeps description only on WorkDTO and SimulatorScenario and uses editionDescription on EditionDTO', () => {
    const owners = [...schemas.keys()].filter((name) => /public let description: /.test(declaration('struct', name)));
    // SimulatorScenario.description is the simulator's interface (docs console); neither type conforms to CustomStringConvertible.
    expect(owners.sort()).toEqual(['SimulatorScenario', 'WorkDTO']);
    expect(declaration('struct', 'EditionDTO')).toContain('public let editionDescription: String?');
  });

  it('maps enums to String raw values with the wire spelling', () => {
    const format = declaration('enum', 'EditionFormat');
    expect(format).toContain('case "E-book": self = .eBook');
    expect(format).toContain('case .massMarket: return "Mass Market"');
    expect(declaration('enum', 'AuthorGender')).toContain('case "Non-binary": self = .nonBinary');
  });

  it('keeps wire field names and makes optional fields optional', () => {
    const work = declaration('struct', 'WorkDTO');
    expect(work).toContain('public let googleBooksVolumeIDs: [String]');
    expect(work).toContain('public let firstPublicationYear: Int?');
    expect(work).toContain('public let primaryProvider: DataProvider?');
  });
});
