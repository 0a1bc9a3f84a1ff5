// JSON Schema node → the source of a boolean check, with zod's semantics (generated/schemas.ts is
// the reference: same keywords, same formats, same optional/undefined rule), as plain straight-line
// code: Workers refuse runtime code generation, so nothing is compiled at import time.
import { isSchema, refTypeName, unknownKeywords, type JsonSchema } from './json-schema';
import { BASE64_CHECK, FORMAT_CHECKS, type FormatCheck } from './fast-formats';
import { discriminator } from './zod-union';
import { regexLiteral, tsLiteral } from './zod-literal';
import { expectOnly } from './zod-node';

export interface FastContext {
  /** Function name that checks the named schema (`isWorkDTO`). */
  ref(typeName: string): string;
  resolve(typeName: string): JsonSchema | undefined;
  /** Hoisted helper functions (inline objects, arrays, enums, unions), in emission order. */
  helpers: string[];
  /** Regex literal → the module constant holding it. */
  regexes: Map<string, string>;
  helperNames: Set<string>;
}

function regexConst(literal: string, ctx: FastContext): string {
  let name = ctx.regexes.get(literal);
  if (name === undefined) {
    name = `RE_${ctx.regexes.size}`;
    ctx.regexes.set(literal, name);
  }
  return name;
}

function helper(ctx: FastContext, hint: string, body: string[]): string {
  let name = hint;
  for (let n = 2; ctx.helperNames.has(name); n++) name = `${hint}${n}`;
  ctx.helperNames.add(name);
  ctx.helpers.push(`function ${name}(v: any): boolean {\n${body.map((line) => `  ${line}\n`).join('')}}\n`);
  return name;
}

/** True when the schema accepts every value (zod's z.unknown()): it has annotations only. */
export const acceptsAnything = (schema: JsonSchema): boolean => unknownKeywords(schema, []).length === 0;

/** A boolean expression checking `x` (a plain identifier). `hint` names any helper it needs. */
export function checkExpression(schema: JsonSchema, x: string, ctx: FastContext, where: string, hint: string): string {
  if (typeof schema.$ref === 'string') {
    expectOnly(schema, ['$ref'], where);
    return `${ctx.ref(refTypeName(schema.$ref))}(${x})`;
  }
  if ('const' in schema) {
    expectOnly(schema, ['const', 'type'], where);
    return `${x} === ${tsLiteral(schema.const)}`;
  }
  if (Array.isArray(schema.enum)) return `${enumHelper(schema, ctx, where, hint)}(${x})`;
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf))
    return `${unionHelper(schema, ctx, where, hint)}(${x})`;
  switch (schema.type) {
    case 'string':
      return stringCheck(schema, x, ctx, where);
    case 'integer':
    case 'number':
      return numberCheck(schema, x, where);
    case 'boolean':
      expectOnly(schema, ['type'], where);
      return `typeof ${x} === 'boolean'`;
    case 'null':
      expectOnly(schema, ['type'], where);
      return `${x} === null`;
    case 'array':
      return `${arrayHelper(schema, ctx, where, hint)}(${x})`;
    case 'object':
      return `${objectHelper(schema, ctx, where, hint)}(${x})`;
    case undefined:
      if (schema.properties || schema.additionalProperties !== undefined) {
        return `${objectHelper(schema, ctx, where, hint)}(${x})`;
      }
      expectOnly(schema, [], where);
      return 'true';
    default:
      throw new Error(`${where}: unsupported type ${JSON.stringify(schema.type)}`);
  }
}

function enumHelper(schema: JsonSchema, ctx: FastContext, where: string, hint: string): string {
  expectOnly(schema, ['enum', 'type'], where);
  const cases = (schema.enum as unknown[]).map((value) => `  case ${tsLiteral(value)}:`);
  return helper(ctx, hint, ['switch (v) {', ...cases, '    return true;', '  default:', '    return false;', '}']);
}

function stringCheck(schema: JsonSchema, x: string, ctx: FastContext, where: string): string {
  expectOnly(schema, ['type', 'minLength', 'maxLength', 'pattern', 'format', 'contentEncoding'], where);
  const parts = [`typeof ${x} === 'string'`];
  // zod counts UTF-16 code units (`.length`), not code points as JSON Schema does; zod is the reference.
  if (typeof schema.minLength === 'number') parts.push(`${x}.length >= ${schema.minLength}`);
  if (typeof schema.maxLength === 'number') parts.push(`${x}.length <= ${schema.maxLength}`);
  let format: FormatCheck | undefined;
  if (typeof schema.format === 'string') format = FORMAT_CHECKS[schema.format]?.();
  if (schema.contentEncoding === 'base64') format = BASE64_CHECK;
  else if (schema.contentEncoding !== undefined) throw new Error(`${where}: unsupported contentEncoding`);
  if (format?.regex) parts.push(`${regexConst(format.regex, ctx)}.test(${x})`);
  if (format?.helper) parts.push(`${format.helper}(${x})`);
  if (typeof schema.pattern === 'string') parts.push(`${regexConst(regexLiteral(schema.pattern), ctx)}.test(${x})`);
  return parts.join(' && ');
}

function numberCheck(schema: JsonSchema, x: string, where: string): string {
  expectOnly(schema, ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format'], where);
  // z.int() is a safe integer; z.number() a finite number (both reject NaN and non-numbers).
  const parts = [schema.type === 'integer' ? `Number.isSafeInteger(${x})` : `Number.isFinite(${x})`];
  if (typeof schema.minimum === 'number') parts.push(`${x} >= ${schema.minimum}`);
  if (typeof schema.maximum === 'number') parts.push(`${x} <= ${schema.maximum}`);
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`${x} > ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === 'number') parts.push(`${x} < ${schema.exclusiveMaximum}`);
  return parts.join(' && ');
}

function arrayHelper(schema: JsonSchema, ctx: FastContext, where: string, hint: string): string {
  expectOnly(schema, ['type', 'items', 'minItems', 'maxItems'], where);
  const lines = ['if (!Array.isArray(v)) return false;'];
  if (typeof schema.minItems === 'number') lines.push(`if (v.length < ${schema.minItems}) return false;`);
  if (typeof schema.maxItems === 'number') lines.push(`if (v.length > ${schema.maxItems}) return false;`);
  if (isSchema(schema.items) && !acceptsAnything(schema.items)) {
    const item = checkExpression(schema.items, 'item', ctx, `${where}/items`, `${hint}Item`);
    lines.push('for (let i = 0; i < v.length; i++) {', '  const item = v[i];', `  if (!(${item})) return false;`, '}');
  }
  lines.push('return true;');
  return helper(ctx, hint, lines);
}

/** Statements checking that `v` is an object of this schema; the body of a helper or export. */
export function objectBody(schema: JsonSchema, ctx: FastContext, where: string, hint: string): string[] {
  expectOnly(schema, ['type', 'properties', 'required', 'additionalProperties'], where);
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const extra = schema.additionalProperties;
  const names = Object.keys(properties);
  const lines = ["if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;"];
  if (names.length === 0 && extra !== false) return recordBody(lines, extra, ctx, where, hint);
  names.forEach((name, i) => {
    const property = properties[name];
    if (!isSchema(property)) throw new Error(`${where}/properties/${name}: not a schema`);
    if (acceptsAnything(property)) return;
    const local = `p${i}`;
    const check = checkExpression(property, local, ctx, `${where}/properties/${name}`, `${hint}${pascal(name)}`);
    const access = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `v.${name}` : `v[${tsLiteral(name)}]`;
    lines.push(`const ${local} = ${access};`);
    // zod's `.optional()` accepts a present `undefined`, not only an absent key.
    lines.push(
      required.has(name)
        ? `if (!(${check})) return false;`
        : `if (${local} !== undefined && !(${check})) return false;`,
    );
  });
  if (extra === false) {
    const cases = names.map((name) => `    case ${tsLiteral(name)}:`);
    lines.push(
      'for (const key in v) {',
      '  switch (key) {',
      ...cases,
      '      break;',
      '    default:',
      '      return false;',
      '  }',
      '}',
    );
  } else if (isSchema(extra) && !acceptsAnything(extra)) {
    const check = checkExpression(extra, 'rest', ctx, `${where}/additionalProperties`, `${hint}Rest`);
    const skip = names.map((name) => `key === ${tsLiteral(name)}`).join(' || ');
    lines.push(
      'for (const key in v) {',
      `  if (${skip}) continue;`,
      '  const rest = v[key];',
      `  if (!(${check})) return false;`,
      '}',
    );
  } else if (extra !== true && extra !== undefined && !isSchema(extra)) {
    throw new Error(`${where}: additionalProperties must be a boolean or a schema`);
  }
  lines.push('return true;');
  return lines;
}

/** z.record(z.string(), X): zod wants a plain object (its isPlainObject), every value an X. */
function recordBody(lines: string[], extra: unknown, ctx: FastContext, where: string, hint: string): string[] {
  lines.push('if (!isPlainRecord(v)) return false;');
  if (isSchema(extra) && !acceptsAnything(extra)) {
    const check = checkExpression(extra, 'rest', ctx, `${where}/additionalProperties`, `${hint}Rest`);
    lines.push('for (const key in v) {', '  const rest = v[key];', `  if (!(${check})) return false;`, '}');
  }
  lines.push('return true;');
  return lines;
}

function objectHelper(schema: JsonSchema, ctx: FastContext, where: string, hint: string): string {
  return helper(ctx, hint, objectBody(schema, ctx, where, hint));
}

function unionHelper(schema: JsonSchema, ctx: FastContext, where: string, hint: string): string {
  const keyword = Array.isArray(schema.oneOf) ? 'oneOf' : 'anyOf';
  expectOnly(schema, [keyword, 'type'], where);
  const members = (schema[keyword] as unknown[]).map((member, i) => {
    if (!isSchema(member)) throw new Error(`${where}/${keyword}/${i}: not a schema`);
    return member;
  });
  const resolved = members.map((member) =>
    typeof member.$ref === 'string' ? ctx.resolve(refTypeName(member.$ref)) : member,
  );
  const tag = discriminator(resolved);
  const checks = members.map((member, i) =>
    checkExpression(member, 'v', ctx, `${where}/${keyword}/${i}`, `${hint}Option${i}`),
  );
  if (tag === undefined) return helper(ctx, hint, [`return ${checks.map((check) => `(${check})`).join(' || ')};`]);
  // A tagged union picks its member by the tag, as zod's discriminatedUnion does.
  const cases = resolved.flatMap((member, i) => {
    const property = isSchema(member?.properties) ? member.properties[tag] : undefined;
    return [`  case ${tsLiteral(isSchema(property) ? property.const : undefined)}:`, `    return ${checks[i]};`];
  });
  const access = /^[A-Za-z_$][\w$]*$/.test(tag) ? `v.${tag}` : `v[${tsLiteral(tag)}]`;
  return helper(ctx, hint, [
    "if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;",
    `switch (${access}) {`,
    ...cases,
    '  default:',
    '    return false;',
    '}',
  ]);
}

const pascal = (name: string): string =>
  name.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());
