// oneOf/anyOf → zod unions. Tagged unions (every member an object with a required const
// property, `type` for our messages) become discriminated unions, which report the tag error
// instead of every member's mismatch and pick the member in O(1).
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import { tsLiteral } from './zod-literal';
import { expectOnly, type ZodChild, type ZodContext } from './zod-node';

export function zodUnion(schema: JsonSchema, ctx: ZodContext, where: string, indent: string, child: ZodChild): string {
  const keyword = Array.isArray(schema.oneOf) ? 'oneOf' : 'anyOf';
  expectOnly(schema, [keyword, 'type'], where);
  const members = (schema[keyword] as unknown[]).map((member, i) => {
    if (!isSchema(member)) throw new Error(`${where}/${keyword}/${i}: not a schema`);
    return member;
  });
  const inner = `${indent}  `;
  const sources = members.map((member, i) => child(member, `${where}/${keyword}/${i}`, inner));
  const list = `[\n${sources.map((source) => `${inner}${source},\n`).join('')}${indent}]`;
  const tag = discriminator(members.map((member) => resolveMember(member, ctx)));
  return tag === undefined ? `z.union(${list})` : `z.discriminatedUnion(${tsLiteral(tag)}, ${list})`;
}

function resolveMember(member: JsonSchema, ctx: ZodContext): JsonSchema | undefined {
  return typeof member.$ref === 'string' ? ctx.resolve(refTypeName(member.$ref)) : member;
}

/** The property every member requires with a distinct `const`; `type` wins when several do. */
export function discriminator(members: readonly (JsonSchema | undefined)[]): string | undefined {
  const candidates = members.map(constRequiredProperties);
  const [first, ...others] = candidates;
  if (!first) return undefined;
  const shared = [...first.keys()].filter((name) => others.every((map) => map.has(name))).sort();
  const distinct = shared.filter((name) => new Set(candidates.map((map) => map.get(name))).size === candidates.length);
  return distinct.includes('type') ? 'type' : distinct[0];
}

function constRequiredProperties(member: JsonSchema | undefined): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (!member || !isSchema(member.properties) || !Array.isArray(member.required)) return found;
  for (const [name, property] of Object.entries(member.properties)) {
    if (member.required.includes(name) && isSchema(property) && 'const' in property) found.set(name, property.const);
  }
  return found;
}
