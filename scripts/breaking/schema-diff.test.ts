import { describe, expect, it } from 'vitest';
import { diffSchema } from './schema-diff';

const book = {
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 500 },
    author: { type: 'string', maxLength: 300 },
    format: { type: 'string', enum: ['Hardcover', 'Paperback'] },
    year: { type: 'integer', minimum: 0 },
  },
};

/** `book` with `patch` applied to one property (or the root when `property` is undefined). */
function changed(property: string | undefined, patch: Record<string, unknown>) {
  const copy = structuredClone(book) as typeof book & Record<string, unknown>;
  if (property === undefined) return { ...copy, ...patch };
  const properties = copy.properties as Record<string, Record<string, unknown>>;
  properties[property] = { ...properties[property], ...patch };
  return copy;
}

const messages = (before: unknown, after: unknown, direction: 'request' | 'response') =>
  diffSchema(before, after, direction, 'body').map((change) => `${change.location}: ${change.message}`);

describe('diffSchema in the request direction', () => {
  it('finds nothing between identical schemas', () => {
    expect(messages(book, structuredClone(book), 'request')).toEqual([]);
  });

  it('reports a new required field', () => {
    const after = changed(undefined, { required: ['title', 'author'] });
    expect(messages(book, after, 'request')).toEqual(['body.author: new required field "author"']);
  });

  it('reports a newly added property that is required', () => {
    const after = {
      ...book,
      required: ['title', 'isbn'],
      properties: { ...book.properties, isbn: { type: 'string' } },
    };
    expect(messages(book, after, 'request')).toEqual(['body.isbn: new required field "isbn"']);
  });

  it('accepts a new optional property and a widened type', () => {
    const after = {
      ...book,
      properties: { ...book.properties, isbn: { type: 'string' }, year: { type: ['integer', 'string'], minimum: 0 } },
    };
    expect(messages(book, after, 'request')).toEqual([]);
  });

  it('reports a removed type, with integer still accepted by number', () => {
    expect(messages(book, changed('year', { type: 'number' }), 'request')).toEqual([]);
    expect(messages({ type: ['string', 'integer'] }, { type: 'string' }, 'request')).toEqual([
      'body: type integer no longer accepted',
    ]);
    expect(messages({ type: 'number' }, { type: 'integer' }, 'request')).toEqual([
      'body: type number no longer accepted',
    ]);
  });

  it('reports an added enum restriction and a removed enum value, not an added value', () => {
    expect(messages(book, changed('author', { enum: ['Le Guin'] }), 'request')).toEqual([
      'body.author: enum restriction added ("Le Guin")',
    ]);
    expect(messages(book, changed('format', { enum: ['Hardcover'] }), 'request')).toEqual([
      'body.format: enum value "Paperback" removed',
    ]);
    expect(messages(book, changed('format', { enum: ['Hardcover', 'Paperback', 'E-book'] }), 'request')).toEqual([]);
  });

  it('reports lowered maximums and raised minimums, and new ones', () => {
    expect(messages(book, changed('title', { maxLength: 200 }), 'request')).toEqual([
      'body.title: maxLength lowered from 500 to 200',
    ]);
    expect(messages(book, changed('title', { minLength: 2 }), 'request')).toEqual([
      'body.title: minLength raised from 1 to 2',
    ]);
    expect(messages(book, changed('year', { maximum: 2100 }), 'request')).toEqual(['body.year: maximum 2100 added']);
    expect(messages({ type: 'array', maxItems: 100 }, { type: 'array', maxItems: 50 }, 'request')).toEqual([
      'body: maxItems lowered from 100 to 50',
    ]);
    expect(messages(book, changed('title', { maxLength: 600, minLength: 0 }), 'request')).toEqual([]);
  });

  it('reports an added or changed pattern, format and const', () => {
    expect(messages(book, changed('author', { pattern: '^[A-Z]' }), 'request')).toEqual([
      'body.author: pattern "^[A-Z]" added',
    ]);
    expect(messages({ type: 'string', pattern: 'a' }, { type: 'string', pattern: 'b' }, 'request')).toEqual([
      'body: pattern changed from "a" to "b"',
    ]);
    expect(messages(book, changed('author', { format: 'email' }), 'request')).toEqual([
      'body.author: format "email" added',
    ]);
    expect(messages({ const: 'ready' }, { const: 'go' }, 'request')).toEqual([
      'body: const changed from "ready" to "go"',
    ]);
  });

  it('reports closing an open object and dropping an accepted field of a closed one', () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    expect(messages(open, { ...open, additionalProperties: false }, 'request')).toEqual([
      'body: additional properties no longer accepted',
    ]);
    const { author: _dropped, ...rest } = book.properties;
    expect(messages(book, { ...book, properties: rest }, 'request')).toEqual([
      'body.author: field "author" is no longer accepted',
    ]);
  });

  it('follows array items and union members matched by their type tag', () => {
    const list = (item: unknown) => ({ type: 'array', items: item });
    expect(messages(list(book), list(changed('title', { maxLength: 10 })), 'request')).toEqual([
      'body[].title: maxLength lowered from 500 to 10',
    ]);
    const tagged = (tag: string, extra: Record<string, unknown> = {}) => ({
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', const: tag }, ...extra },
    });
    const before = { oneOf: [tagged('ready'), tagged('cancel')] };
    const after = { oneOf: [tagged('cancel'), tagged('ready', { reason: { type: 'string' } })] };
    expect(messages(before, after, 'request')).toEqual([]);
    expect(messages(before, { oneOf: [tagged('ready')] }, 'request')).toEqual([
      'body<type=cancel>: oneOf member type=cancel removed',
    ]);
  });
});

describe('diffSchema in the response direction', () => {
  it('reports a removed field', () => {
    const { year: _dropped, ...rest } = book.properties;
    expect(messages(book, { ...book, properties: rest }, 'response')).toEqual(['body.year: field "year" removed']);
  });

  it('reports a field that is no longer required', () => {
    expect(messages(book, changed(undefined, { required: [] }), 'response')).toEqual([
      'body.title: field "title" is no longer required',
    ]);
  });

  it('accepts new fields, new required fields and narrowed values', () => {
    const after = {
      ...book,
      required: ['title', 'year'],
      properties: { ...book.properties, isbn: { type: 'string' }, title: { type: 'string', maxLength: 10 } },
    };
    expect(messages(book, after, 'response')).toEqual([]);
  });

  it('reports a removed enum value and a dropped enum restriction', () => {
    expect(messages(book, changed('format', { enum: ['Paperback'] }), 'response')).toEqual([
      'body.format: enum value "Hardcover" removed',
    ]);
    const { enum: _dropped, ...open } = book.properties.format;
    expect(messages(book, { ...book, properties: { ...book.properties, format: open } }, 'response')).toEqual([
      'body.format: enum restriction removed: any value may now be sent',
    ]);
  });

  it('reports a changed type and a changed const', () => {
    expect(messages(book, changed('year', { type: 'string' }), 'response')).toEqual([
      'body.year: type string may now be sent (was integer)',
    ]);
    expect(messages({ const: 'canceled' }, { const: 'cancelled' }, 'response')).toEqual([
      'body: const changed from "canceled" to "cancelled"',
    ]);
  });

  it('reports nested removals inside arrays and additionalProperties maps', () => {
    const wrap = (inner: unknown) => ({
      type: 'object',
      properties: {
        books: { type: 'array', items: inner },
        byId: { type: 'object', additionalProperties: structuredClone(inner) },
      },
    });
    const { author: _dropped, ...rest } = book.properties;
    expect(messages(wrap(book), wrap({ ...book, properties: rest }), 'response')).toEqual([
      'body.books[].author: field "author" removed',
      'body.byId{*}.author: field "author" removed',
    ]);
  });

  it('stops at a recursive schema instead of looping', () => {
    const node: Record<string, unknown> = { type: 'object', properties: { name: { type: 'string' } } };
    (node.properties as Record<string, unknown>).child = node;
    const copy: Record<string, unknown> = { type: 'object', properties: {} };
    (copy.properties as Record<string, unknown>).child = copy;
    expect(messages(node, copy, 'response')).toEqual(['body.name: field "name" removed']);
  });
});
