// generated/operations.ts: per operationId its method, paths, request body and response
// validators. Inline success envelopes get exported names (`ImportCsv202ResponseSchema`).
import { slashHeader, type HeaderInfo } from './header';
import { refTypeName, type JsonSchema } from './json-schema';
import { compareStrings } from '../core/list-files';
import { toPascalCase } from './names';
import { honoPath, listOperations, type MediaSchema } from './openapi-operations';
import type { SchemaMap } from './schema-files';
import { zodExpression, type ZodContext } from './zod-expression';
import { tsLiteral } from './zod-literal';

interface Emission {
  imports: Set<string>;
  declarations: string[];
}

/** A named schema reference, or a new exported declaration for an inline schema. */
function schemaSource(schema: JsonSchema, name: string, out: Emission, ctx: ZodContext, where: string): string {
  if (typeof schema.$ref === 'string' && Object.keys(schema).every((key) => key === '$ref' || key === 'description')) {
    return ctx.ref(refTypeName(schema.$ref));
  }
  out.declarations.push(
    `export const ${name} = ${zodExpression(schema, ctx, where)};\nexport type ${name.replace(
      /Schema$/,
      '',
    )} = z.infer<typeof ${name}>;\n`,
  );
  return name;
}

function contentMap(media: MediaSchema[], name: string, out: Emission, ctx: ZodContext, where: string): string {
  const jsonCount = media.filter((entry) => entry.schema).length;
  const entries = media.map((entry) => {
    const suffix = jsonCount > 1 ? toPascalCase(entry.contentType) : '';
    const value = entry.schema
      ? schemaSource(entry.schema, name.replace(/Schema$/, `${suffix}Schema`), out, ctx, where)
      : 'undefined';
    return `${tsLiteral(entry.contentType)}: ${value}`;
  });
  return `{ ${entries.join(', ')} }`;
}

export function emitOperations(openapi: JsonSchema, schemas: SchemaMap, header: HeaderInfo): string {
  const out: Emission = { imports: new Set(), declarations: [] };
  const ctx: ZodContext = {
    ref: (name) => {
      out.imports.add(`${name}Schema`);
      return `${name}Schema`;
    },
    resolve: (name) => schemas.get(name),
  };
  const entries = listOperations(openapi).map((op) => {
    const pascal = toPascalCase(op.operationId);
    const where = `${op.method} ${op.path}`;
    const lines = [
      `    method: ${tsLiteral(op.method)},`,
      `    path: ${tsLiteral(op.path)},`,
      `    honoPath: ${tsLiteral(honoPath(op.path))},`,
    ];
    if (op.requestBody.length > 0) {
      lines.push(
        `    requestBody: ${contentMap(op.requestBody, `${pascal}RequestSchema`, out, ctx, `${where} requestBody`)},`,
      );
    }
    const responses = op.responses.map(({ status, content }) => {
      const json = content.filter((media) => media.schema);
      if (json.length > 1) throw new Error(`${where} ${status}: more than one JSON media type`);
      const value = json[0]?.schema
        ? schemaSource(json[0].schema, `${pascal}${toPascalCase(status)}ResponseSchema`, out, ctx, `${where} ${status}`)
        : 'undefined';
      return `      ${/^\d+$/.test(status) ? status : tsLiteral(status)}: ${value},\n`;
    });
    lines.push(`    responses: {\n${responses.join('')}    },`);
    return `  ${op.operationId}: {\n${lines.join('\n')}\n  },\n`;
  });
  const imports = [...out.imports]
    .sort(compareStrings)
    .map((name) => `  ${name},\n`)
    .join('');
  return (
    `${slashHeader(header)}import { z } from 'zod';\nimport {\n${imports}} from './schemas';\n\n` +
    `${out.declarations.join('\n')}\n` +
    '/** Every HTTP operation by operationId; a response validator of `undefined` means a non-JSON body. */\n' +
    `export const OPERATIONS = {\n${entries.join(
      '',
    )}} as const;\n\nexport type OperationId = keyof typeof OPERATIONS;\n`
  );
}
