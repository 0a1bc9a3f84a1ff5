// Swift identifiers from wire names: enum cases in lowerCamelCase, reserved words backticked.
import type { JsonSchema } from './json-schema';
import { toPascalCase } from './names';

const RESERVED = new Set([
  'associatedtype',
  'class',
  'deinit',
  'enum',
  'extension',
  'fileprivate',
  'func',
  'import',
  'init',
  'inout',
  'internal',
  'let',
  'open',
  'operator',
  'private',
  'protocol',
  'public',
  'rethrows',
  'static',
  'struct',
  'subscript',
  'typealias',
  'var',
  'break',
  'case',
  'continue',
  'default',
  'defer',
  'do',
  'else',
  'fallthrough',
  'for',
  'guard',
  'if',
  'in',
  'repeat',
  'return',
  'switch',
  'where',
  'while',
  'as',
  'Any',
  'catch',
  'false',
  'is',
  'nil',
  'super',
  'self',
  'Self',
  'throw',
  'throws',
  'true',
  'try',
  'Type',
  'Protocol',
  'any',
  'some',
]);

export const isSwiftIdentifier = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);

/** `INVALID_REQUEST` → `invalidRequest`, `Non-binary` → `nonBinary`, `image/jpeg` → `imageJpeg`. */
export function swiftCaseName(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const allCaps = words.every((word) => word === word.toUpperCase());
  const camel = words
    .map((word) => (allCaps ? word.toLowerCase() : word))
    .map((word, i) => (i === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
  const safe = /^[0-9]/.test(camel) ? `_${camel}` : camel;
  return escapeReserved(safe);
}

/** A property name as a Swift identifier (camelCase wire names pass through unchanged). */
export function swiftPropertyName(name: string): string {
  return escapeReserved(isSwiftIdentifier(name) ? name : swiftCaseName(name));
}

export function escapeReserved(name: string): string {
  return RESERVED.has(name) ? `\`${name}\`` : name;
}

export const swiftTypeName = (name: string): string => toPascalCase(name);

/** A Swift string literal. */
export function swiftString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The first line of a schema description as a `///` doc comment, or nothing. */
export function swiftDoc(schema: JsonSchema, indent: string): string {
  if (typeof schema.description !== 'string') return '';
  const first = schema.description.trim().split('\n')[0] ?? '';
  return `${indent}/// ${first}\n`;
}
