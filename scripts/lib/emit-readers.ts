// generated/readers.ts: the tolerant readers clients parse what they receive with, one per
// spec/schemas file and one per JSON response of each operation (`RESPONSES`). Closed objects keep
// unknown properties and string enums map a value they do not know to `{ unknown: value }`; types,
// required fields, bounds, consts and message tags are checked as in schemas.ts (the writers).
import { docComment } from './emit-zod';
import { slashHeader, type HeaderInfo } from './header';
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import { toPascalCase } from './names';
import { listOperations } from './openapi-operations';
import type { SchemaMap } from './schema-files';
import { topoSort } from './topo-sort';
import { zodExpression, type ZodContext } from './zod-expression';
import { tsLiteral } from './zod-literal';

/** Names the prelude declares; a schema or response of the same name would shadow them. */
const PRELUDE_NAMES = new Set(['z', 'Unknown', 'isUnknown', 'tolerantEnum', 'RESPONSES']);

const PRELUDE = `/**
 * A string enum value this contract version does not know: a newer server sent it (a minor version
 * may add enum values to responses). A reader puts \`{ unknown: value }\` where the known literal
 * would be, so a UI handles it and still switches exhaustively over the known values:
 * \`if (isUnknown(status)) showRaw(status.unknown); else switch (status) { ... }\`.
 */
export interface Unknown {
  readonly unknown: string;
}

/** True for the \`{ unknown: value }\` a reader puts in place of an enum value it does not know. */
export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && typeof (value as { unknown?: unknown }).unknown === 'string';
}

/** A string enum reader: the known literal, or \`{ unknown: value }\` for any other string. */
function tolerantEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const known: ReadonlySet<string> = new Set(values);
  return z
    .string()
    .transform((value): T[number] | Unknown => (known.has(value) ? (value as T[number]) : { unknown: value }));
}
`;

export function readerContext(schemas: SchemaMap): ZodContext {
  return { ref: (name) => name, resolve: (name) => schemas.get(name), isReader: true };
}

function declaration(name: string, expression: string, doc: string): string {
  if (PRELUDE_NAMES.has(name)) throw new Error(`readers.ts: ${name} would shadow a helper of the same name`);
  return `${doc}export const ${name} = ${expression};\nexport type ${name} = z.infer<typeof ${name}>;\n`;
}

/** `{ status: reader }` per operation; inline success envelopes become `<OperationId><Status>Response`. */
function responseTable(openapi: JsonSchema, ctx: ZodContext, declarations: string[]): string {
  const entries = listOperations(openapi).map((op) => {
    const rows = op.responses.map(({ status, content }) => {
      const json = content.filter((media) => media.schema);
      if (json.length > 1) throw new Error(`${op.method} ${op.path} ${status}: more than one JSON media type`);
      const schema = json[0]?.schema;
      let value = 'undefined';
      if (schema && isNamedRef(schema)) value = refTypeName(String(schema.$ref));
      else if (schema) {
        value = `${toPascalCase(op.operationId)}${toPascalCase(status)}Response`;
        const where = `${op.method} ${op.path} ${status}`;
        declarations.push(declaration(value, zodExpression(schema, ctx, where), ''));
      }
      return `    ${/^\d+$/.test(status) ? status : tsLiteral(status)}: ${value},\n`;
    });
    return `  ${op.operationId}: {\n${rows.join('')}  },\n`;
  });
  return `export const RESPONSES = {\n${entries.join('')}} as const;\n`;
}

const isNamedRef = (schema: JsonSchema): boolean =>
  typeof schema.$ref === 'string' && Object.keys(schema).every((key) => key === '$ref' || key === 'description');

export function emitReaders(openapi: JsonSchema, schemas: SchemaMap, header: HeaderInfo): string {
  const ctx = readerContext(schemas);
  const named = topoSort(schemas).map((name) => {
    const schema = schemas.get(name);
    if (!isSchema(schema)) throw new Error(`missing schema ${name}`);
    const where = `spec/schemas/${name}.yaml#`;
    return declaration(name, zodExpression(schema, ctx, where), docComment(schema, `spec/schemas/${name}.yaml`));
  });
  const responses: string[] = [];
  const table = responseTable(openapi, ctx, responses);
  const declared = [...schemas.keys(), ...responses.map((source) => /export const (\w+)/.exec(source)?.[1])];
  const clash = declared.find((name, i) => declared.indexOf(name) !== i);
  if (clash) throw new Error(`readers.ts: ${clash} is both a schema and a response reader`);
  return (
    `${slashHeader(header)}// Import as a namespace: \`import * as readers from '@bookstrack/generated/readers'\`, then\n` +
    `// \`readers.JobState.safeParse(body)\` and the type \`readers.JobState\` (schemas.ts has the strict ones).\n` +
    `import { z } from 'zod';\n\n${PRELUDE}\n${named.join('\n')}\n${responses.join('\n')}\n` +
    '/** Reader of every response by operationId and status; `undefined` means a non-JSON body. */\n' +
    table
  );
}
