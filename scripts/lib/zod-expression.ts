// JSON Schema node → zod 4 expression source. Plain zod calls only: Workers forbid runtime
// code generation, so nothing here may compile a schema at import time.
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import { regexLiteral, tsLiteral } from './zod-literal';
import { expectOnly, type ZodChild, type ZodContext } from './zod-node';
import { zodObject } from './zod-object';
import { zodUnion } from './zod-union';

export type { ZodContext } from './zod-node';

const STRING_FORMATS: Record<string, string> = {
  'date-time': 'z.iso.datetime({ offset: true })',
  date: 'z.iso.date()',
  uri: 'z.url()',
  email: 'z.email()',
  uuid: 'z.uuid()',
};

/** `where` is a JSON-pointer-ish location used only in error messages. */
export function zodExpression(schema: JsonSchema, ctx: ZodContext, where: string, indent = ''): string {
  if (typeof schema.$ref === 'string') {
    expectOnly(schema, ['$ref'], where);
    return ctx.ref(refTypeName(schema.$ref));
  }
  if ('const' in schema) return zodConst(schema, where);
  if (Array.isArray(schema.enum)) return zodEnum(schema, ctx, where);
  const child: ZodChild = (node, at, depth) => zodExpression(node, ctx, at, depth);
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return zodUnion(schema, ctx, where, indent, child);
  switch (schema.type) {
    case 'string':
      return zodString(schema, where);
    case 'integer':
    case 'number':
      return zodNumber(schema, where);
    case 'boolean':
      expectOnly(schema, ['type'], where);
      return 'z.boolean()';
    case 'null':
      expectOnly(schema, ['type'], where);
      return 'z.null()';
    case 'array':
      return zodArray(schema, ctx, where, indent);
    case 'object':
      return zodObject(schema, ctx, where, indent, child);
    case undefined:
      if (schema.properties || schema.additionalProperties !== undefined)
        return zodObject(schema, ctx, where, indent, child);
      expectOnly(schema, [], where);
      return 'z.unknown()';
    default:
      throw new Error(`${where}: unsupported type ${JSON.stringify(schema.type)}`);
  }
}

function zodConst(schema: JsonSchema, where: string): string {
  expectOnly(schema, ['const', 'type'], where);
  return schema.const === null ? 'z.null()' : `z.literal(${tsLiteral(schema.const)})`;
}

function zodEnum(schema: JsonSchema, ctx: ZodContext, where: string): string {
  expectOnly(schema, ['enum', 'type'], where);
  const values = schema.enum as unknown[];
  if (values.every((value) => typeof value === 'string')) {
    // `tolerantEnum` is declared at the top of generated/readers.ts.
    return ctx.isReader ? `tolerantEnum(${tsLiteral(values)})` : `z.enum(${tsLiteral(values)})`;
  }
  return `z.union([${values.map((value) => `z.literal(${tsLiteral(value)})`).join(', ')}])`;
}

function zodString(schema: JsonSchema, where: string): string {
  expectOnly(schema, ['type', 'minLength', 'maxLength', 'pattern', 'format', 'contentEncoding'], where);
  let base = 'z.string()';
  if (typeof schema.format === 'string') {
    const formatted = STRING_FORMATS[schema.format];
    // Unknown formats are annotations in JSON Schema 2020-12; keep them as plain strings.
    if (formatted) base = formatted;
  }
  if (schema.contentEncoding === 'base64') base = 'z.base64()';
  else if (schema.contentEncoding !== undefined) throw new Error(`${where}: unsupported contentEncoding`);
  return (
    base +
    numberBounds(schema, 'minLength', 'maxLength') +
    (typeof schema.pattern === 'string' ? `.regex(${regexLiteral(schema.pattern)})` : '')
  );
}

function zodNumber(schema: JsonSchema, where: string): string {
  // `format` (int32, int64, double...) only annotates a number in JSON Schema 2020-12.
  expectOnly(
    schema,
    ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'format'],
    where,
  );
  let out = (schema.type === 'integer' ? 'z.int()' : 'z.number()') + numberBounds(schema, 'minimum', 'maximum');
  if (typeof schema.exclusiveMinimum === 'number') out += `.gt(${schema.exclusiveMinimum})`;
  if (typeof schema.exclusiveMaximum === 'number') out += `.lt(${schema.exclusiveMaximum})`;
  if (typeof schema.multipleOf === 'number') out += `.multipleOf(${schema.multipleOf})`;
  return out;
}

function zodArray(schema: JsonSchema, ctx: ZodContext, where: string, indent: string): string {
  expectOnly(schema, ['type', 'items', 'minItems', 'maxItems', 'uniqueItems'], where);
  const item = isSchema(schema.items) ? zodExpression(schema.items, ctx, `${where}/items`, indent) : 'z.unknown()';
  const unique =
    schema.uniqueItems === true
      ? ".refine((items) => new Set(items.map((item) => JSON.stringify(item))).size === items.length, 'Items must be unique')"
      : '';
  return `z.array(${item})` + numberBounds(schema, 'minItems', 'maxItems') + unique;
}

function numberBounds(schema: JsonSchema, minKey: string, maxKey: string): string {
  const min = schema[minKey];
  const max = schema[maxKey];
  return (typeof min === 'number' ? `.min(${min})` : '') + (typeof max === 'number' ? `.max(${max})` : '');
}
