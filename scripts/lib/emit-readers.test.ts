// The reader emitter on small inputs: what it refuses (names that would shadow its helpers or each
// other) and that the strict emitter, run on the same schema, is left strict. Behaviour of the real
// output is covered by scripts/readers.test.ts.
import { describe, expect, it } from 'vitest';
import { emitReaders } from './emit-readers';
import { emitZod } from './emit-zod';
import type { JsonSchema } from './json-schema';

const header = { emitter: 'lib/emit-readers.ts', inputsHash: '0'.repeat(64) };
const status: JsonSchema = { type: 'string', enum: ['on', 'off'], examples: ['on'] };
const device: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: { status: { $ref: './Status.yaml' } },
  examples: [{ status: 'on' }],
};
const schemas = new Map([
  ['Status', status],
  ['Device', device],
]);
const openapi = (schema: JsonSchema): JsonSchema => ({
  paths: {
    '/device': {
      get: { operationId: 'getDevice', responses: { 200: { content: { 'application/json': { schema } } } } },
    },
  },
});

describe('emitReaders', () => {
  it('makes closed objects loose and string enums tolerant, where schemas.ts stays strict', () => {
    const readers = emitReaders(openapi({ $ref: '#/components/schemas/Device' }), schemas, header);
    expect(readers).toContain("export const Status = tolerantEnum(['on', 'off']);");
    expect(readers).toContain('export const Device = z.looseObject({\n  status: Status,\n});');
    expect(readers).toContain('  getDevice: {\n    200: Device,\n  },');
    expect(readers).not.toContain('strictObject');
    const strict = emitZod(schemas, { ...header, emitter: 'lib/emit-zod.ts' });
    expect(strict).toContain('z.strictObject(');
    expect(strict).toContain("z.enum(['on', 'off'])");
  });

  it('names an inline response envelope after its operation and status', () => {
    const inline = { type: 'object', additionalProperties: false, properties: { data: { $ref: './Device.yaml' } } };
    const readers = emitReaders(openapi(inline), schemas, header);
    expect(readers).toContain('export const GetDevice200Response = z.looseObject({');
    expect(readers).toContain('    200: GetDevice200Response,');
  });

  it('refuses a schema named like one of its helpers', () => {
    const clashing = new Map([['Unknown', status]]);
    expect(() => emitReaders({ paths: {} }, clashing, header)).toThrow(/Unknown would shadow a helper/);
  });

  it('refuses a response reader named like a schema', () => {
    const inline = { type: 'object', properties: { data: { type: 'string' } } };
    const clashing = new Map([...schemas, ['GetDevice200Response', status]]);
    expect(() => emitReaders(openapi(inline), clashing, header)).toThrow(/both a schema and a response reader/);
  });
});
