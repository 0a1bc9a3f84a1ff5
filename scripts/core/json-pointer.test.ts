import { describe, expect, it } from 'vitest';
import { escapeToken, formatPointer, lookupPointer, parsePointer, resolvePointer, splitRef } from './json-pointer';

const DOCUMENT = { paths: { '/api/csv': { get: { tags: ['csv', 'import'] } } }, 'a~b': null };

describe('JSON pointers', () => {
  it('round-trips pointers with escaped slashes and tildes, with or without the fragment #', () => {
    expect(parsePointer('#/paths/~1api~1csv/a~0b')).toEqual(['paths', '/api/csv', 'a~b']);
    expect(parsePointer('/paths/~1api~1csv/a~0b')).toEqual(['paths', '/api/csv', 'a~b']);
    expect(formatPointer(['paths', '/api/csv', 'a~b', 0])).toBe('/paths/~1api~1csv/a~0b/0');
    expect(escapeToken('~1/')).toBe('~01~1');
  });

  it('reads an empty pointer, a lone # and a lone / as the root', () => {
    expect(['', '#', '/'].map(parsePointer)).toEqual([[], [], []]);
    expect(lookupPointer(DOCUMENT, '')).toBe(DOCUMENT);
  });

  it('decodes URI escapes of a $ref fragment before the ~ escapes', () => {
    expect(parsePointer('#/paths/~1books~1%7Bid%7D')).toEqual(['paths', '/books/{id}']);
  });

  it('looks up map keys and array indexes, and gives undefined past a missing step', () => {
    expect(lookupPointer(DOCUMENT, '/paths/~1api~1csv/get/tags/1')).toBe('import');
    expect(lookupPointer(DOCUMENT, '/a~0b')).toBeNull();
    expect(lookupPointer(DOCUMENT, '/paths/~1api~1csv/post/tags')).toBeUndefined();
    expect(lookupPointer(DOCUMENT, '/paths/constructor')).toBeUndefined();
  });

  it('names the referring place when a required pointer does not resolve', () => {
    expect(resolvePointer(DOCUMENT, '/paths/~1api~1csv/get/tags/0', 'x')).toBe('csv');
    expect(() => resolvePointer(DOCUMENT, '/paths/missing', 'books.yaml')).toThrow(
      'books.yaml: pointer /paths/missing does not resolve',
    );
  });

  it('splits a $ref into its file and pointer parts', () => {
    expect(splitRef('../schemas/Book.yaml#/properties/id')).toEqual({
      file: '../schemas/Book.yaml',
      pointer: '/properties/id',
    });
    expect(splitRef('#/components/schemas/Book')).toEqual({ file: '', pointer: '/components/schemas/Book' });
    expect(splitRef('./Book.yaml')).toEqual({ file: './Book.yaml', pointer: '' });
  });
});
