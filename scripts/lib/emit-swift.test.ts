// The Swift emitter has no compiler here, so its output is parsed with tree-sitter-swift
// (WASM) and checked for the shapes the iOS client relies on.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser } from 'web-tree-sitter';
import { emitSwift } from './emit-swift';
import { specPaths } from '../core/paths';
import { loadSchemas } from './schema-files';

const schemas = loadSchemas(specPaths().schemas);
const swift = emitSwift(
  schemas,
  { clientMessageTypes: ['ready', 'cancel'] },
  { emitter: 'lib/emit-swift.ts', inputsHash: 'test' },
);
let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-wasms/out/tree-sitter-swift.wasm');
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
});

/** Positions of ERROR and MISSING nodes: empty when the file is syntactically valid Swift. */
function syntaxErrors(source: string): string[] {
  const tree = parser.parse(source);
  const errors: string[] = [];
  const cursor = tree!.walk();
  const visit = (): void => {
    const node = cursor.currentNode;
    if (node.isError || node.isMissing)
      errors.push(`${node.startPosition.row + 1}:${node.startPosition.column} ${node.type}`);
    if (cursor.gotoFirstChild()) {
      do visit();
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  visit();
  return errors;
}

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

  it('keeps description only on WorkDTO and uses editionDescription on EditionDTO', () => {
    const owners = [...schemas.keys()].filter((name) => /public let description: /.test(declaration('struct', name)));
    expect(owners).toEqual(['WorkDTO']);
    expect(declaration('struct', 'EditionDTO')).toContain('public let editionDescription: String?');
  });

  it('maps enums to String raw values with the wire spelling', () => {
    const format = declaration('enum', 'EditionFormat');
    expect(format).toContain('case eBook = "E-book"');
    expect(format).toContain('case massMarket = "Mass Market"');
    expect(declaration('enum', 'AuthorGender')).toContain('case nonBinary = "Non-binary"');
  });

  it('keeps wire field names and makes optional fields optional', () => {
    const work = declaration('struct', 'WorkDTO');
    expect(work).toContain('public let googleBooksVolumeIDs: [String]');
    expect(work).toContain('public let firstPublicationYear: Int?');
    expect(work).toContain('public let primaryProvider: DataProvider?');
  });
});
