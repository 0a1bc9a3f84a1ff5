// generated/schemas.ts: one zod validator and one inferred type per spec/schemas file.
import { slashHeader, type HeaderInfo } from './header';
import { isSchema, type JsonSchema } from './json-schema';
import type { SchemaMap } from './schema-files';
import { topoSort } from './topo-sort';
import { zodExpression, type ZodContext } from './zod-expression';

export function schemaContext(schemas: SchemaMap): ZodContext {
  return { ref: (name) => `${name}Schema`, resolve: (name) => schemas.get(name) };
}

/** First line of a schema description as a JSDoc comment, or nothing. */
export function docComment(schema: JsonSchema, source: string): string {
  const first = typeof schema.description === 'string' ? schema.description.trim().split('\n')[0] : '';
  const text = [first, `(${source})`].filter(Boolean).join(' ').replace(/\*\//g, '*\\/');
  return `/** ${text} */\n`;
}

export function emitSchemaDeclaration(name: string, schema: JsonSchema, ctx: ZodContext): string {
  return (
    docComment(schema, `spec/schemas/${name}.yaml`) +
    `export const ${name}Schema = ${zodExpression(schema, ctx, `spec/schemas/${name}.yaml#`)};\n` +
    `export type ${name} = z.infer<typeof ${name}Schema>;\n`
  );
}

export function emitZod(schemas: SchemaMap, header: HeaderInfo): string {
  const ctx = schemaContext(schemas);
  const declarations = topoSort(schemas).map((name) => {
    const schema = schemas.get(name);
    if (!isSchema(schema)) throw new Error(`missing schema ${name}`);
    return emitSchemaDeclaration(name, schema, ctx);
  });
  return `${slashHeader(header)}import { z } from 'zod';\n\n${declarations.join('\n')}`;
}
