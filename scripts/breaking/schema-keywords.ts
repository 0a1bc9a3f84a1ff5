// Reading JSON Schema keywords the diff compares: the set of types a schema allows, its enum, its
// required names and the key that matches a union member across versions.
export type Schema = Record<string, unknown>;

export function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Types the schema allows; undefined when it does not restrict the type. `integer` is not implied by `number`. */
export function typesOf(schema: Schema): Set<string> | undefined {
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.map(String));
  return undefined;
}

/** A type of `before` still accepted by `after` (integers are numbers). */
export function typeAccepted(type: string, after: Set<string>): boolean {
  return after.has(type) || (type === 'integer' && after.has('number'));
}

export function enumOf(schema: Schema): unknown[] | undefined {
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

export function requiredOf(schema: Schema): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

export function propertiesOf(schema: Schema): Record<string, Schema> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  return Object.fromEntries(
    Object.entries(properties).filter((entry): entry is [string, Schema] => isSchema(entry[1])),
  );
}

/** How a union member is recognised across versions: its `type` tag const, else its title, else its index. */
export function memberKey(member: Schema, index: number): string {
  const tag = propertiesOf(member).type?.const;
  if (typeof tag === 'string') return `type=${tag}`;
  if (typeof member.title === 'string') return member.title;
  return `#${index}`;
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
