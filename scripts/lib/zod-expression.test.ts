// Unit tests of the JSON Schema → zod emitter on small schemas: each emitted expression is
// evaluated here (test-only) and exercised against values, so the tests check behaviour, not text.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonSchema } from './json-schema';
import { zodExpression, type ZodContext } from './zod-expression';

const named: Record<string, JsonSchema> = {
  ReadyMessage: {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: { type: { const: 'ready' } },
  },
  CancelMessage: {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: { type: { const: 'cancel' } },
  },
};
const ctx: ZodContext = { ref: (name) => `refs.${name}Schema`, resolve: (name) => named[name] };

function evaluate(schema: JsonSchema, refs: Record<string, z.ZodType>): z.ZodType {
  return new Function('z', 'refs', `return ${zodExpression(schema, ctx, '#')};`)(z, refs) as z.ZodType;
}

const namedRefs = Object.fromEntries(Object.entries(named).map(([name, s]) => [`${name}Schema`, evaluate(s, {})]));
const compile = (schema: JsonSchema): z.ZodType => evaluate(schema, namedRefs);

const accepts = (schema: JsonSchema, value: unknown): boolean => compile(schema).safeParse(value).success;

describe('zodExpression', () => {
  it('makes closed objects strict and optional properties optional', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['a'],
      properties: { a: { type: 'string' }, b: { type: 'integer' } },
    };
    expect(zodExpression(schema, ctx, '#')).toContain('z.strictObject(');
    expect(accepts(schema, { a: 'x' })).toBe(true);
    expect(accepts(schema, { a: 'x', b: 2 })).toBe(true);
    expect(accepts(schema, { b: 2 })).toBe(false);
    expect(accepts(schema, { a: 'x', c: 1 })).toBe(false);
  });

  it('keeps extra properties of open objects and validates them against additionalProperties', () => {
    const open = { type: 'object', additionalProperties: true, properties: { n: { type: 'number' } } };
    expect(compile(open).parse({ n: 1, extra: 'kept' })).toEqual({ n: 1, extra: 'kept' });
    const map = { type: 'object', additionalProperties: { type: 'integer' } };
    expect(accepts(map, { a: 1, b: 2 })).toBe(true);
    expect(accepts(map, { a: 'one' })).toBe(false);
  });

  it('applies string length, pattern and formats', () => {
    const id = { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z/]+$' };
    expect([accepts(id, 'ab'), accepts(id, 'a'), accepts(id, 'abcde'), accepts(id, 'AB'), accepts(id, 'a/b')]).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
    const dateTime = { type: 'string', format: 'date-time' };
    expect([
      accepts(dateTime, '2025-11-20T10:00:00.012Z'),
      accepts(dateTime, '2025-11-20T12:00:00+02:00'),
      accepts(dateTime, '2025-11-20'),
    ]).toEqual([true, true, false]);
    expect([
      accepts({ type: 'string', format: 'date' }, '2025-11-20'),
      accepts({ type: 'string', format: 'date' }, '20.11.2025'),
    ]).toEqual([true, false]);
    expect([
      accepts({ type: 'string', format: 'uri' }, 'https://example.com/a'),
      accepts({ type: 'string', format: 'uri' }, 'not a url'),
    ]).toEqual([true, false]);
    expect([
      accepts({ type: 'string', contentEncoding: 'base64' }, 'aGVsbG8='),
      accepts({ type: 'string', contentEncoding: 'base64' }, 'no base64!'),
    ]).toEqual([true, false]);
  });

  it('bounds integers and numbers and rejects fractions for integers', () => {
    const count = { type: 'integer', minimum: 0, maximum: 100 };
    expect([
      accepts(count, 0),
      accepts(count, 100),
      accepts(count, 101),
      accepts(count, -1),
      accepts(count, 1.5),
    ]).toEqual([true, true, false, false, false]);
    const ratio = { type: 'number', exclusiveMinimum: 0, maximum: 1 };
    expect([accepts(ratio, 0.5), accepts(ratio, 0), accepts(ratio, 1), accepts(ratio, '0.5')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('bounds arrays by item count and checks each item', () => {
    const list = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 };
    expect([accepts(list, ['a']), accepts(list, []), accepts(list, ['a', 'b', 'c']), accepts(list, [1])]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('rejects repeated items when uniqueItems is set', () => {
    const tags = { type: 'array', items: { type: 'string' }, uniqueItems: true };
    expect([accepts(tags, ['a', 'b']), accepts(tags, ['a', 'a'])]).toEqual([true, false]);
  });

  it('treats a number format as an annotation', () => {
    expect([
      accepts({ type: 'integer', format: 'int64' }, 2 ** 40),
      accepts({ type: 'integer', format: 'int64' }, 1.5),
    ]).toEqual([true, false]);
  });

  it('turns enums and consts into literal checks', () => {
    expect([
      accepts({ type: 'string', enum: ['a', 'b'] }, 'b'),
      accepts({ type: 'string', enum: ['a', 'b'] }, 'c'),
    ]).toEqual([true, false]);
    expect([accepts({ enum: [1, 2] }, 2), accepts({ enum: [1, 2] }, '2')]).toEqual([true, false]);
    expect([accepts({ const: 'canceled' }, 'canceled'), accepts({ const: 'canceled' }, 'running')]).toEqual([
      true,
      false,
    ]);
    expect([accepts({ type: 'null' }, null), accepts({ type: 'null' }, 0)]).toEqual([true, false]);
  });

  it('emits a discriminated union on type for oneOf of tagged messages', () => {
    const union = { oneOf: [{ $ref: './ReadyMessage.yaml' }, { $ref: './CancelMessage.yaml' }] };
    expect(zodExpression(union, ctx, '#')).toMatch(/^z\.discriminatedUnion\('type', \[/);
    expect([
      accepts(union, { type: 'ready' }),
      accepts(union, { type: 'cancel' }),
      accepts(union, { type: 'ping' }),
      accepts(union, { type: 'ready', x: 1 }),
    ]).toEqual([true, true, false, false]);
  });

  it('emits a plain union when members share no distinct const tag', () => {
    const union = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(zodExpression(union, ctx, '#')).toMatch(/^z\.union\(/);
    expect([accepts(union, 'a'), accepts(union, 1), accepts(union, true)]).toEqual([true, true, false]);
  });

  it('references named schemas through the context', () => {
    expect(zodExpression({ $ref: '../../schemas/ReadyMessage.yaml', description: 'x' }, ctx, '#')).toBe(
      'refs.ReadyMessageSchema',
    );
    expect(zodExpression({ $ref: '#/components/schemas/CancelMessage' }, ctx, '#')).toBe('refs.CancelMessageSchema');
  });

  it('rejects keywords outside the supported subset instead of ignoring them', () => {
    expect(() => zodExpression({ type: 'object', allOf: [] }, ctx, '#/x')).toThrow('#/x: unsupported keyword(s) allOf');
    expect(() => zodExpression({ type: 'array', prefixItems: [] }, ctx, '#')).toThrow('prefixItems');
    expect(() =>
      zodExpression({ type: 'object', required: ['a'], additionalProperties: false, properties: {} }, ctx, '#'),
    ).toThrow('required property a is not declared');
  });
});
