// JSON Schema objects → zod objects: closed objects are `.strict()` so an extra property is a
// validation error (the contract says additionalProperties: false means it). Readers make them
// loose instead: a newer server may add optional response fields, which a client keeps.
import { isSchema, type JsonSchema } from './json-schema';
import { tsKey } from './zod-literal';
import { expectOnly, type ZodChild, type ZodContext } from './zod-node';

export function zodObject(schema: JsonSchema, ctx: ZodContext, where: string, indent: string, child: ZodChild): string {
  expectOnly(schema, ['type', 'properties', 'required', 'additionalProperties'], where);
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const name of required) {
    if (!(name in properties)) throw new Error(`${where}: required property ${name} is not declared`);
  }
  const rest = restSchema(schema, where, indent, child);
  const closed = ctx.isReader ? 'z.looseObject' : 'z.strictObject';
  if (Object.keys(properties).length === 0) {
    return rest === undefined ? `${closed}({})` : `z.record(z.string(), ${rest})`;
  }
  const inner = `${indent}  `;
  const fields = Object.entries(properties).map(([name, property]) => {
    if (!isSchema(property)) throw new Error(`${where}/properties/${name}: not a schema`);
    const value = child(property, `${where}/properties/${name}`, inner);
    return `${inner}${tsKey(name)}: ${value}${required.has(name) ? '' : '.optional()'},\n`;
  });
  const body = `{\n${fields.join('')}${indent}}`;
  return rest === undefined ? `${closed}(${body})` : `z.object(${body}).catchall(${rest})`;
}

/** Zod source for extra properties, or undefined when the object is closed. */
function restSchema(schema: JsonSchema, where: string, indent: string, child: ZodChild): string | undefined {
  const extra = schema.additionalProperties;
  if (extra === false) return undefined;
  // JSON Schema objects are open unless closed explicitly; an omitted keyword means open.
  if (extra === true || extra === undefined) return 'z.unknown()';
  if (isSchema(extra)) return child(extra, `${where}/additionalProperties`, indent);
  throw new Error(`${where}: additionalProperties must be a boolean or a schema`);
}
