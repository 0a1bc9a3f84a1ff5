// generated/fast-validators.ts: one boolean type guard per spec/schemas file and per operation's
// inline body, with the verdicts of generated/schemas.ts (zod) at the cost of plain checks. The
// server calls these on its hot paths and asks zod only for the issues of a value they reject.
import { compareStrings } from '../core/list-files';
import { HELPER_SOURCE } from './fast-formats';
import { checkExpression, objectBody, type FastContext } from './fast-validator-node';
import { slashHeader, type HeaderInfo } from './header';
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import { toPascalCase } from './names';
import { listOperations } from './openapi-operations';
import type { SchemaMap } from './schema-files';
import { topoSort } from './topo-sort';
import { tsLiteral } from './zod-literal';

const guardName = (typeName: string): string => `is${typeName}`;

const RECORD_HELPER = `/** zod's isPlainObject, for z.record(). */
function isPlainRecord(v: any): boolean {
  const ctor = v.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype = ctor.prototype;
  if (typeof prototype !== 'object' || prototype === null || Array.isArray(prototype)) return false;
  return Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}
`;

function guardSource(name: string, typeName: string, schema: JsonSchema, ctx: FastContext, where: string): string {
  const isObject = schema.type === 'object' && !Array.isArray(schema.oneOf) && !Array.isArray(schema.anyOf);
  const body = isObject
    ? objectBody(schema, ctx, where, `${name}Body`)
    : [`return ${checkExpression(schema, 'v', ctx, where, `${name}Value`)};`];
  return (
    `export function ${name}(value: unknown): value is ${typeName} {\n  const v = value as any;\n` +
    `${body.map((line) => `  ${line}\n`).join('')}}\n`
  );
}

interface OperationGuards {
  declarations: string[];
  entries: string[];
  types: Set<string>;
}

/** A guard for an operation's media schema: the named schema's, or a new one for an inline schema. */
function mediaGuard(schema: JsonSchema, name: string, out: OperationGuards, ctx: FastContext, where: string): string {
  if (typeof schema.$ref === 'string' && Object.keys(schema).every((key) => key === '$ref' || key === 'description')) {
    return guardName(refTypeName(schema.$ref));
  }
  out.types.add(name);
  out.declarations.push(guardSource(guardName(name), name, schema, ctx, where));
  return guardName(name);
}

function operationGuards(openapi: JsonSchema, ctx: FastContext): OperationGuards {
  const out: OperationGuards = { declarations: [], entries: [], types: new Set() };
  for (const op of listOperations(openapi)) {
    const pascal = toPascalCase(op.operationId);
    const where = `${op.method} ${op.path}`;
    const lines: string[] = [];
    const json = op.requestBody.filter((media) => media.schema);
    const requestEntries = op.requestBody.map((media) => {
      const suffix = json.length > 1 ? toPascalCase(media.contentType) : '';
      const guard = media.schema
        ? mediaGuard(media.schema, `${pascal}${suffix}Request`, out, ctx, `${where} requestBody`)
        : 'undefined';
      return `${tsLiteral(media.contentType)}: ${guard}`;
    });
    if (requestEntries.length > 0) lines.push(`    requestBody: { ${requestEntries.join(', ')} },`);
    const responses = op.responses.map(({ status, content }) => {
      const schema = content.find((media) => media.schema)?.schema;
      const guard = schema
        ? mediaGuard(schema, `${pascal}${toPascalCase(status)}Response`, out, ctx, `${where} ${status}`)
        : 'undefined';
      return `      ${/^\d+$/.test(status) ? status : tsLiteral(status)}: ${guard},\n`;
    });
    lines.push(`    responses: {\n${responses.join('')}    },`);
    out.entries.push(`  ${op.operationId}: {\n${lines.join('\n')}\n  },\n`);
  }
  return out;
}

export function emitFastValidators(schemas: SchemaMap, openapi: JsonSchema, header: HeaderInfo): string {
  const ctx: FastContext = {
    ref: guardName,
    resolve: (name) => schemas.get(name),
    helpers: [],
    regexes: new Map(),
    helperNames: new Set(),
  };
  const names = topoSort(schemas);
  const guards = names.map((name) => {
    const schema = schemas.get(name);
    if (!isSchema(schema)) throw new Error(`missing schema ${name}`);
    return guardSource(guardName(name), name, schema, ctx, `spec/schemas/${name}.yaml#`);
  });
  const operations = operationGuards(openapi, ctx);
  const regexes = [...ctx.regexes].map(([literal, name]) => `const ${name} = ${literal};\n`).join('');
  const schemaTypes = [...names].sort(compareStrings);
  const operationTypes = [...operations.types].sort(compareStrings);
  const table = names.map((name) => `  ${name}: ${guardName(name)},\n`).join('');
  return (
    slashHeader(header) +
    '// Boolean guards with the verdicts of ./schemas (zod), for hot paths; no runtime imports.\n' +
    `import type {\n${schemaTypes.map((name) => `  ${name},\n`).join('')}} from './schemas';\n` +
    `import type {\n${operationTypes.map((name) => `  ${name},\n`).join('')}} from './operations';\n\n` +
    `${regexes}\n${HELPER_SOURCE}\n${RECORD_HELPER}\n${ctx.helpers.join('\n')}\n${guards.join('\n')}\n` +
    `${operations.declarations.join('\n')}\n` +
    '/** The guard of every spec/schemas type, by type name (the differential test walks it). */\n' +
    `export const SCHEMA_GUARDS = {\n${table}} as const;\n\n` +
    '/** Per operationId the guards of its JSON request body and responses (undefined: not JSON). */\n' +
    `export const FAST_OPERATIONS = {\n${operations.entries.join('')}} as const;\n`
  );
}
