// Every JSON example of the contract with the type a client decodes it as: schema examples,
// AsyncAPI message examples and OpenAPI request/response examples (bundled documents). The Swift
// test emitter turns each into a decoding test; identical values are listed once.
import { isSchema, refTypeName, type JsonSchema } from './json-schema';
import { listOperations } from './openapi-operations';

export interface SpecExample {
  /** Where the example is stated, e.g. `schema WorkDTO #0`, `message job_progress #1`, `getJobState 200 #0`. */
  sources: string[];
  /** Spec schema the value is decoded as; undefined for a free-form JSON object. */
  typeName: string | undefined;
  /** True for an HTTP success body `{data, metadata}`: decoded as `Envelope<typeName>`. */
  isEnvelope: boolean;
  value: unknown;
}

/** JSON with object keys sorted, so one value has one spelling wherever it is stated. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isSchema(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** What a JSON media schema decodes as: a named schema, an envelope around one, or free-form. */
export function mediaType(schema: JsonSchema): Pick<SpecExample, 'typeName' | 'isEnvelope'> {
  if (typeof schema.$ref === 'string') return { typeName: refTypeName(schema.$ref), isEnvelope: false };
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const data = properties.data;
  if (isSchema(data) && typeof data.$ref === 'string' && isSchema(properties.metadata))
    return { typeName: refTypeName(data.$ref), isEnvelope: true };
  if (schema.type === 'object' && Object.keys(properties).length === 0)
    return { typeName: undefined, isEnvelope: false };
  throw new Error(`no decodable type for an example of ${JSON.stringify(schema).slice(0, 80)}`);
}

export function listSpecExamples(
  schemas: ReadonlyMap<string, JsonSchema>,
  openapi: JsonSchema,
  asyncapi: JsonSchema,
): SpecExample[] {
  const found = new Map<string, SpecExample>();
  const add = (source: string, type: Pick<SpecExample, 'typeName' | 'isEnvelope'>, value: unknown): void => {
    const key = `${type.typeName ?? ''} ${type.isEnvelope} ${canonicalJson(value)}`;
    const existing = found.get(key);
    if (existing) existing.sources.push(source);
    else found.set(key, { sources: [source], ...type, value });
  };
  for (const [name, schema] of schemas)
    (Array.isArray(schema.examples) ? schema.examples : []).forEach((value, i) =>
      add(`schema ${name} #${i}`, { typeName: name, isEnvelope: false }, value),
    );
  for (const channel of Object.values(isSchema(asyncapi.channels) ? asyncapi.channels : {}).filter(isSchema))
    for (const message of Object.values(isSchema(channel.messages) ? channel.messages : {}).filter(isSchema)) {
      const payload = isSchema(message.payload) ? message.payload : {};
      const examples = Array.isArray(message.examples) ? message.examples.filter(isSchema) : [];
      examples.forEach((example, i) =>
        add(`message ${String(message.name)} #${i}`, mediaType(payload), example.payload),
      );
    }
  for (const op of listOperations(openapi)) {
    const bodies = [
      ...op.requestBody.map((media) => ({ label: `${op.operationId} request`, media })),
      ...op.responses.flatMap(({ status, content }) =>
        content.map((media) => ({ label: `${op.operationId} ${status}`, media })),
      ),
    ];
    for (const { label, media } of bodies)
      if (media.schema) media.examples.forEach((value, i) => add(`${label} #${i}`, mediaType(media.schema!), value));
  }
  return [...found.values()];
}
