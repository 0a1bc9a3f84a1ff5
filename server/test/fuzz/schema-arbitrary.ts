// JSON Schema (the subset the bundled OpenAPI uses for request bodies) → fast-check arbitraries:
// `validValue` draws values the schema accepts, `invalidValue` draws values it must refuse.
// $refs resolve inside the document the schema came from, so the spec stays the only source.
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  format?: string;
  contentEncoding?: string;
}

// Long strings cost bandwidth, not coverage: generated strings stop here unless the schema needs more.
const STRING_CAP = 600;
// Arrays past this add requests' weight, not new shapes (maxItems above it is probed by `invalidValue`).
const ARRAY_CAP = 8;

export function resolve(document: unknown, schema: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const target = schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key.replaceAll('~1', '/').replaceAll('~0', '~')],
      document,
    );
  return resolve(document, target as JsonSchema);
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.enum !== undefined) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.const !== undefined) return fc.constant(schema.const as string);
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern, 'u'));
  if (schema.format === 'uuid') return fc.uuid();
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? STRING_CAP, Math.max(minLength, STRING_CAP));
  if (schema.contentEncoding === 'base64') {
    const minBytes = Math.ceil((minLength * 3) / 4);
    return fc
      .uint8Array({ minLength: minBytes, maxLength: Math.max(minBytes, 96) })
      .map((bytes) => Buffer.from(bytes).toString('base64'));
  }
  const any = fc.string({ unit: 'binary', minLength, maxLength });
  // fast-check favours short strings; the documented maximum is where length bugs live.
  return schema.maxLength === undefined
    ? any
    : fc.oneof({ arbitrary: any, weight: 4 }, { arbitrary: fc.string({ minLength: maxLength, maxLength }), weight: 1 });
}

function validObject(document: unknown, schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, child]) => [key, validValue(document, child)]),
  );
  return fc.record(model, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

export function validValue(document: unknown, input: JsonSchema): fc.Arbitrary<unknown> {
  const schema = resolve(document, input);
  switch (schema.type) {
    case 'object':
      return validObject(document, schema);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? ARRAY_CAP, ARRAY_CAP));
      return fc.array(validValue(document, schema.items ?? {}), { minLength, maxLength });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return validString(schema);
    default:
      return fc.jsonValue();
  }
}

/** A JSON value of another type than `type` (what a careless client sends). */
export function wrongType(type: string | undefined): fc.Arbitrary<unknown> {
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }),
    integer: fc.integer(),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }),
    boolean: fc.boolean(),
    object: fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
    array: fc.array(fc.integer(), { maxLength: 3 }),
    null: fc.constant(null),
  };
  const others = Object.entries(byType).filter(([name]) => name !== type && !(type === 'number' && name === 'integer'));
  return fc.oneof(...others.map(([, arbitrary]) => arbitrary));
}

function invalidString(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.minLength !== undefined && schema.minLength > 0)
    options.push(fc.string({ maxLength: schema.minLength - 1 }));
  if (schema.maxLength !== undefined)
    options.push(fc.string({ minLength: schema.maxLength + 1, maxLength: schema.maxLength + 40 }));
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, 'u');
    options.push(fc.string({ unit: 'binary', maxLength: 80 }).filter((s) => !pattern.test(s)));
  }
  if (schema.enum !== undefined) options.push(fc.string({ maxLength: 20 }).filter((s) => !schema.enum?.includes(s)));
  if (schema.contentEncoding === 'base64') options.push(fc.constantFrom('not base64!', '****', 'ab=c', '%%%%===='));
  return options;
}

function invalidObject(document: unknown, schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const base = validObject(document, schema);
  const options: fc.Arbitrary<unknown>[] = [];
  if (required.length > 0) {
    options.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => {
        const { [key]: _dropped, ...rest } = value;
        return rest;
      }),
    );
  }
  if (schema.additionalProperties === false) {
    const extraKey = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((key) => !(key in properties) && key !== '__proto__');
    options.push(
      fc
        .tuple(base, extraKey, fc.jsonValue({ maxDepth: 1 }))
        .map(([value, key, extra]) => ({ ...value, [key]: extra })),
    );
  }
  for (const [key, child] of Object.entries(properties)) {
    options.push(fc.tuple(base, invalidValue(document, child)).map(([value, bad]) => ({ ...value, [key]: bad })));
  }
  return options;
}

function invalidArray(document: unknown, schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const item = validValue(document, schema.items ?? {});
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.minItems !== undefined && schema.minItems > 0)
    options.push(fc.array(item, { maxLength: schema.minItems - 1 }));
  if (schema.maxItems !== undefined) {
    const over = schema.maxItems + 1;
    options.push(fc.array(item, { minLength: over, maxLength: over + 3 }));
  }
  if (schema.items !== undefined) {
    const minLength = Math.max(schema.minItems ?? 0, 1);
    options.push(
      fc
        .tuple(fc.array(item, { minLength, maxLength: minLength + 2 }), invalidValue(document, schema.items), fc.nat())
        .map(([items, bad, at]) => items.map((value, index) => (index === at % items.length ? bad : value))),
    );
  }
  return options;
}

/** Values the schema refuses: wrong types, missing or extra properties, bounds and patterns broken. */
export function invalidValue(document: unknown, input: JsonSchema): fc.Arbitrary<unknown> {
  const schema = resolve(document, input);
  const options: fc.Arbitrary<unknown>[] = [wrongType(schema.type)];
  if (schema.type === 'object') options.push(...invalidObject(document, schema));
  if (schema.type === 'array') options.push(...invalidArray(document, schema));
  if (schema.type === 'string') options.push(...invalidString(schema));
  if (schema.type === 'integer') {
    options.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)));
    if (schema.minimum !== undefined) options.push(fc.integer({ min: schema.minimum - 1000, max: schema.minimum - 1 }));
  }
  return fc.oneof(...options);
}
