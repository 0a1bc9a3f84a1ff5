// Finds wire constants written by hand in server source: a quoted message type, error code or
// close reason, a close code number, a token timing constant. The server must import them from
// generated/constants.ts (STYLE.md), so the vocabulary is read from that module, never restated.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { listFiles } from '../core/list-files';

/** The parts of generated/constants.ts the check reads. */
export interface WireConstants {
  MESSAGE_TYPE: Readonly<Record<string, string>>;
  ERROR_CODES: readonly string[];
  CLOSE_REASONS: Readonly<Record<string, string>>;
  CLOSE_CODES: Readonly<Record<string, number>>;
  [name: string]: unknown;
}

export interface WireVocabulary {
  /** Literal text → the constant to import instead. */
  strings: Map<string, string>;
  /** Number → the constant to import instead (close codes and *_MS token timings). */
  numbers: Map<number, string>;
}

export interface WireLiteral {
  file: string;
  line: number;
  text: string;
  use: string;
}

/** A number multiplied or divided is a unit conversion (`seconds * 1000`), not a close code. */
const ARITHMETIC = new Set([ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken]);
/** A constant named with a unit (`TIMER_RETRY_BASE_MS = 1_000`) holds a quantity, not a close code. */
const UNIT_NAMED = /^[A-Z][A-Z0-9_]*_(MS|SECONDS|BYTES|CHARS)$/;
/** RFC 6455 §7.4.1 registers 1000–1015; the contract sends a subset, and no code may be hand-written. */
const RFC_CLOSE_CODE_FIRST = 1000;
const RFC_CLOSE_CODE_LAST = 1015;

export function wireVocabulary(constants: WireConstants): WireVocabulary {
  const strings = new Map<string, string>();
  for (const [name, type] of Object.entries(constants.MESSAGE_TYPE)) strings.set(type, `MESSAGE_TYPE.${name}`);
  for (const code of constants.ERROR_CODES) strings.set(code, `ERROR_CODE.${code}`);
  for (const [name, reason] of Object.entries(constants.CLOSE_REASONS)) strings.set(reason, `CLOSE_REASONS.${name}`);
  const numbers = new Map<number, string>();
  for (let code = RFC_CLOSE_CODE_FIRST; code <= RFC_CLOSE_CODE_LAST; code++)
    numbers.set(code, 'CLOSE_CODES (RFC 6455 close code)');
  for (const [name, code] of Object.entries(constants.CLOSE_CODES)) numbers.set(code, `CLOSE_CODES.${name}`);
  for (const [name, value] of Object.entries(constants)) {
    if (!/_MS$/.test(name) || typeof value !== 'number') continue;
    // TOKEN_LIFETIME_MS and TOKEN_REFRESHED_LIFETIME_MS share a value: name both.
    const known = numbers.get(value);
    numbers.set(value, known ? `${known} or ${name}` : name);
  }
  return { strings, numbers };
}

function isQuantity(node: ts.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  if (ts.isBinaryExpression(parent)) return ARITHMETIC.has(parent.operatorToken.kind);
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && UNIT_NAMED.test(parent.name.text);
}

/** Wire literals in one TypeScript source text; comments are not code and are not read. */
export function findWireLiterals(source: string, file: string, vocabulary: WireVocabulary): WireLiteral[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: WireLiteral[] = [];
  const report = (node: ts.Node, use: string) => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    found.push({ file, line, text: node.getText(sourceFile), use });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const use = vocabulary.strings.get(node.text);
      if (use) report(node, use);
    } else if (ts.isNumericLiteral(node)) {
      const value = Number(node.text);
      const use = vocabulary.numbers.get(value);
      // Only the close-code range is exempt inside arithmetic; a token timing never is.
      const isCloseRange = value >= RFC_CLOSE_CODE_FIRST && value <= RFC_CLOSE_CODE_LAST;
      if (use && !(isCloseRange && isQuantity(node))) report(node, use);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Every wire literal in the .ts files under `dir`, with paths relative to it. */
export function scanForWireLiterals(dir: string, vocabulary: WireVocabulary): WireLiteral[] {
  return listFiles(dir, (name) => name.endsWith('.ts')).flatMap((path) =>
    findWireLiterals(readFileSync(path, 'utf8'), relative(dir, path), vocabulary),
  );
}
