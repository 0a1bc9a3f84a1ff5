// The client readers (generated/readers.ts) against every spec example: each example reads back
// unchanged; with a property added to every object it still reads, the property kept, where the
// strict validator (schemas.ts, operations.ts) rejects it; an enum value this version does not know
// reads as `{ unknown: value }`; a dropped required field or a value of the wrong type still fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { OPERATIONS } from '../generated/operations';
import * as readers from '../generated/readers';
import * as strictSchemas from '../generated/schemas';
import { REPO_ROOT, specPaths } from './core/paths';
import { isSchema, refTypeName, type JsonSchema } from './lib/json-schema';
import { listOperations } from './lib/openapi-operations';
import { loadSchemas } from './lib/schema-files';

/** Schemas whose examples live on the responses that use them (lint response-schema-examples). */
const EXAMPLES_IN_RESPONSES = new Set(['ErrorEnvelope']);

const specSchemas = loadSchemas(specPaths().schemas);
const openapi = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/openapi.json'), 'utf8')) as JsonSchema;
const asyncapi = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/asyncapi.json'), 'utf8')) as JsonSchema;
const readerByName = readers as unknown as Record<string, z.ZodType>;
const strictByName = strictSchemas as unknown as Record<string, z.ZodType>;
const NEW_VALUE = 'value_from_a_newer_server';

function resolve(schema: JsonSchema): JsonSchema {
  return typeof schema.$ref === 'string' ? resolve(specSchemas.get(refTypeName(schema.$ref)) ?? {}) : schema;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value with `addedInNextMinor` put into it and into every object nested in it. */
function withFieldEverywhere(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withFieldEverywhere);
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, withFieldEverywhere(inner)]);
  return { ...Object.fromEntries(entries), addedInNextMinor: { since: '2.1.0' } };
}

const isStringEnum = (schema: JsonSchema): boolean =>
  Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string');

/** Properties of an object schema that hold a string enum value or an array of them. */
function enumProperties(schema: JsonSchema): { name: string; isArray: boolean }[] {
  const properties = isSchema(resolve(schema).properties) ? (resolve(schema).properties as JsonSchema) : {};
  return Object.entries(properties).flatMap(([name, property]): { name: string; isArray: boolean }[] => {
    if (!isSchema(property)) return [];
    const target = resolve(property);
    if (isStringEnum(target)) return [{ name, isArray: false }];
    if (target.type === 'array' && isSchema(target.items) && isStringEnum(resolve(target.items)))
      return [{ name, isArray: true }];
    return [];
  });
}

/** The example with one enum property set to a value the enum does not list, and the reader's expected output. */
function withNewEnumValue(example: Record<string, unknown>, name: string, isArray: boolean) {
  if (!isArray)
    return { input: { ...example, [name]: NEW_VALUE }, output: { ...example, [name]: { unknown: NEW_VALUE } } };
  const known = Array.isArray(example[name]) ? (example[name] as unknown[]) : [];
  return {
    input: { ...example, [name]: [...known, NEW_VALUE] },
    output: { ...example, [name]: [...known, { unknown: NEW_VALUE }] },
  };
}

/** Mutants the reader must still reject: a required field dropped, a declared field of the wrong JSON type. */
function brokenMutants(example: Record<string, unknown>, schema: JsonSchema): [string, unknown][] {
  const target = resolve(schema);
  const required = Array.isArray(target.required) ? (target.required as string[]) : [];
  const declared = isSchema(target.properties) ? target.properties : {};
  const dropped = required.map((name): [string, unknown] => {
    const { [name]: _dropped, ...rest } = example;
    return [`required ${name} dropped`, rest];
  });
  const retyped = Object.entries(example)
    .filter(([name]) => name in declared)
    .map(([name, value]): [string, unknown] => [`${name} of the wrong type`, { ...example, [name]: wrongType(value) }]);
  return [...dropped, ...retyped];
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return 'wrong-type';
  return Array.isArray(value) ? { notAn: 'array' } : ['not-an-object'];
}

function expectRead(reader: z.ZodType, value: unknown, expected: unknown): void {
  const result = reader.safeParse(value);
  expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
  expect(result.data).toEqual(expected);
}

describe('readers of spec/schemas', () => {
  for (const [name, schema] of specSchemas) {
    const reader = readerByName[name];
    const strict = strictByName[`${name}Schema`];
    const examples = Array.isArray(schema.examples) ? schema.examples : [];
    const objects = examples.filter(isPlainObject);

    it(`${name} has a reader`, () => {
      expect(reader).toBeDefined();
      // A whole error body schema carries no example of its own (it would outrank the responses'
      // examples in mocks): its examples are the error responses', read below per operation.
      if (EXAMPLES_IN_RESPONSES.has(name)) expect(examples).toEqual([]);
      else expect(examples.length).toBeGreaterThan(0);
    });

    it.each(examples.map((example, i) => [i, example]))(`${name} reads example %i unchanged`, (_i, example) => {
      expectRead(reader!, example, example);
    });

    it.each(objects.map((example, i) => [i, example]))(
      `${name} keeps a property added to every object of example %i`,
      (_i, example) => {
        const grown = withFieldEverywhere(example);
        expectRead(reader!, grown, grown);
        if (resolve(schema).additionalProperties === false || Array.isArray(schema.oneOf))
          expect(strict!.safeParse(grown).success).toBe(false);
      },
    );

    const enumCases = objects.flatMap((example, i) =>
      enumProperties(schema).map(
        ({ name: field, isArray }) => [`${field} of example ${i}`, example, field, isArray] as const,
      ),
    );
    it.each(enumCases)(`${name} reads an unknown %s as { unknown }`, (_label, example, field, isArray) => {
      const { input, output } = withNewEnumValue(example, field, isArray);
      expectRead(reader!, input, output);
      expect(strict!.safeParse(input).success).toBe(false);
    });

    const broken = objects.flatMap((example, i) =>
      brokenMutants(example, schema).map(([label, value]) => [`example ${i} with ${label}`, value] as const),
    );
    it.each(broken)(`${name} still rejects %s`, (_label, value) => {
      expect(reader!.safeParse(value).success).toBe(false);
    });

    if (isStringEnum(schema)) {
      it(`${name} reads each listed value as itself and any other string as { unknown }`, () => {
        for (const value of schema.enum as string[]) expect(reader!.parse(value)).toBe(value);
        const read = reader!.parse(NEW_VALUE);
        expect(read).toEqual({ unknown: NEW_VALUE });
        expect(readers.isUnknown(read)).toBe(true);
        expect(strict!.safeParse(NEW_VALUE).success).toBe(false);
        expect(reader!.safeParse(42).success).toBe(false);
      });
    }
  }
});

describe('the reader of a server frame', () => {
  const reconnected = (specSchemas.get('ReconnectedMessage')!.examples as Record<string, unknown>[])[0]!;
  const payload = reconnected.payload as Record<string, unknown>;

  it('maps an unknown JobStatus inside the payload and keeps unknown fields at both levels', () => {
    const frame = { ...reconnected, relay: 'eu-1', payload: { ...payload, status: 'paused', pausedBy: 'operator' } };
    const read = readers.ServerMessage.parse(frame);
    expect(read).toEqual({ ...frame, payload: { ...frame.payload, status: { unknown: 'paused' } } });
    expect(read.type === 'reconnected' && readers.isUnknown(read.payload.status)).toBe(true);
    expect(strictSchemas.ServerMessageSchema.safeParse(frame).success).toBe(false);
  });

  it('still rejects a type it does not know (the client decides what an unknown type means)', () => {
    expect(readers.ServerMessage.safeParse({ ...reconnected, type: 'job_paused' }).success).toBe(false);
  });

  it('tells a known literal from an unknown value', () => {
    expect([readers.isUnknown('running'), readers.isUnknown(null), readers.isUnknown({ unknown: 'x' })]).toEqual([
      false,
      false,
      true,
    ]);
  });
});

describe('readers of OpenAPI responses', () => {
  const strictResponses = OPERATIONS as unknown as Record<string, { responses: Record<string, z.ZodType | undefined> }>;
  const readerResponses = readers.RESPONSES as unknown as Record<string, Record<string, z.ZodType | undefined>>;
  const cases = listOperations(openapi).flatMap((op) =>
    op.responses.flatMap(({ status, content }) =>
      content.flatMap((media) =>
        media.schema
          ? media.examples.map((example) => ({
              label: `${op.operationId} ${status}`,
              example,
              reader: readerResponses[op.operationId]?.[status],
              strict: strictResponses[op.operationId]?.responses[status],
            }))
          : [],
      ),
    ),
  );

  it('has a reader for every operation and status the strict table has', () => {
    const shape = (table: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(table).map(([id, byStatus]) => [id, Object.keys(byStatus)]));
    const strictTable = Object.fromEntries(Object.entries(strictResponses).map(([id, op]) => [id, op.responses]));
    expect(shape(readerResponses)).toEqual(shape(strictTable));
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s example reads unchanged', (_label, c) => {
    expectRead(c.reader!, c.example, c.example);
  });

  it.each(cases.filter((c) => isPlainObject(c.example) && 'metadata' in c.example).map((c) => [c.label, c] as const))(
    '%s example with a property added to every object reads with it kept and fails the strict validator',
    (_label, c) => {
      const grown = withFieldEverywhere(c.example);
      expectRead(c.reader!, grown, grown);
      expect(c.strict!.safeParse(grown).success).toBe(false);
    },
  );

  it.each(cases.filter((c) => isPlainObject(c.example) && 'metadata' in c.example).map((c) => [c.label, c] as const))(
    '%s example without metadata fails the reader',
    (_label, c) => {
      const { metadata: _dropped, ...rest } = c.example as Record<string, unknown>;
      expect(c.reader!.safeParse(rest).success).toBe(false);
    },
  );

  it('reads an error code this version does not know as { unknown }', () => {
    const envelope = { data: null, metadata: { timestamp: '2026-12-01T14:00:00Z', requestId: 'r1' } };
    const body = { ...envelope, error: { code: 'QUOTA_EXCEEDED', message: 'Monthly quota used up' } };
    expect(readers.ErrorEnvelope.parse(body).error.code).toEqual({ unknown: 'QUOTA_EXCEEDED' });
    expect(strictSchemas.ErrorEnvelopeSchema.safeParse(body).success).toBe(false);
  });
});

describe('readers of AsyncAPI server messages', () => {
  const channels = isSchema(asyncapi.channels) ? Object.values(asyncapi.channels).filter(isSchema) : [];
  const payloads = channels
    .flatMap((channel) => Object.values(isSchema(channel.messages) ? channel.messages : {}).filter(isSchema))
    .flatMap((message) => (Array.isArray(message.examples) ? message.examples.filter(isSchema) : []))
    .map((example) => example.payload)
    .filter(isPlainObject)
    .filter((payload) => !['ready', 'cancel'].includes(String(payload.type)));

  it('finds an example of each of the seven server messages', () => {
    expect(new Set(payloads.map((payload) => payload.type)).size).toBe(7);
  });

  it.each(payloads.map((payload) => [String(payload.type), payload] as const))(
    '%s example reads unchanged, and with a property added to every object reads with it kept',
    (_type, payload) => {
      expectRead(readers.ServerMessage, payload, payload);
      const grown = withFieldEverywhere(payload);
      expectRead(readers.ServerMessage, grown, grown);
      expect(strictSchemas.ServerMessageSchema.safeParse(grown).success).toBe(false);
    },
  );
});
