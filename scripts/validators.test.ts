// Every example in the spec passes its generated validator, and simple mutants of each example
// (a required field dropped, a field of the wrong type, an extra property, a wrong message tag)
// fail it: proof that the validators are neither too loose nor too strict for the documented data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as generatedSchemas from '../generated/schemas';
import { OPERATIONS } from '../generated/operations';
import { isSchema, refTypeName, type JsonSchema } from './lib/json-schema';
import { listOperations } from './lib/openapi-operations';
import { REPO_ROOT, specPaths } from './core/paths';
import { loadSchemas } from './lib/schema-files';

const specSchemas = loadSchemas(specPaths().schemas);
const openapi = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/openapi.json'), 'utf8')) as JsonSchema;
const asyncapi = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/asyncapi.json'), 'utf8')) as JsonSchema;
const validators = generatedSchemas as unknown as Record<string, z.ZodType>;

/** Follows `$ref`s (file or `#/components/schemas/X`) to the named spec schema. */
function resolve(schema: JsonSchema): JsonSchema {
  return typeof schema.$ref === 'string' ? resolve(specSchemas.get(refTypeName(schema.$ref)) ?? {}) : schema;
}

interface Mutant {
  label: string;
  value: unknown;
  /** True when the tag became another member's, which the union may rightly accept. */
  isOtherMember?: boolean;
}

/** The `type` tags of the message union (ClientMessage or ServerMessage) that contains `tag`. */
function unionSiblings(tag: string): string[] {
  for (const schema of specSchemas.values()) {
    if (!Array.isArray(schema.oneOf)) continue;
    const tags = schema.oneOf.filter(isSchema).map((member) => {
      const properties = resolve(member).properties;
      return isSchema(properties) && isSchema(properties.type) ? properties.type.const : undefined;
    });
    if (tags.includes(tag)) return tags.filter((other): other is string => typeof other === 'string');
  }
  return [];
}

/** A value of a different JSON type than `value`, so the field's type check must fail. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return 'wrong-type';
  return Array.isArray(value) ? { notAn: 'array' } : ['not-an-object'];
}

function mutantsOf(example: unknown, schema: JsonSchema): Mutant[] {
  const target = resolve(schema);
  if (Array.isArray(target.oneOf) && isSchema(example)) {
    return [
      { label: 'an unknown type tag', value: { ...example, type: 'no_such_type' } },
      { label: 'an extra property', value: { ...example, unexpectedField: 1 } },
    ];
  }
  if (!isSchema(example)) {
    const scalar: Mutant[] = [{ label: 'a value of the wrong type', value: wrongType(example) }];
    if (Array.isArray(target.enum)) scalar.push({ label: 'a value outside the enum', value: 'NOT_A_MEMBER' });
    return scalar;
  }
  const required = Array.isArray(target.required) ? (target.required as string[]) : [];
  const mutants: Mutant[] = required.map((name) => {
    const { [name]: _dropped, ...rest } = example;
    return { label: `required ${name} dropped`, value: rest };
  });
  const declared = isSchema(target.properties) ? target.properties : {};
  for (const [name, value] of Object.entries(example)) {
    // Undeclared keys of an open object may hold anything, so only declared ones get a wrong type.
    if (name in declared)
      mutants.push({ label: `${name} of the wrong type`, value: { ...example, [name]: wrongType(value) } });
  }
  if (target.additionalProperties === false)
    mutants.push({ label: 'an extra property', value: { ...example, unexpectedField: 1 } });
  const tag =
    isSchema(target.properties) && isSchema(target.properties.type) ? target.properties.type.const : undefined;
  if (typeof tag === 'string') {
    const sibling = unionSiblings(tag).find((other) => other !== tag);
    if (sibling)
      mutants.push({
        label: `type ${tag} replaced by ${sibling}`,
        value: { ...example, type: sibling },
        isOtherMember: true,
      });
    mutants.push({ label: 'an unknown type tag', value: { ...example, type: 'no_such_type' } });
  }
  return mutants;
}

function expectValid(validator: z.ZodType, value: unknown): void {
  const result = validator.safeParse(value);
  expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
}

/** Schemas that are a whole response body (ErrorEnvelope) with examples on those responses. */
const responseBodies = new Set(
  listOperations(openapi).flatMap((op) =>
    op.responses.flatMap(({ content }) =>
      content.flatMap((media) =>
        typeof media.schema?.$ref === 'string' && media.examples.length > 0 ? [refTypeName(media.schema.$ref)] : [],
      ),
    ),
  ),
);

describe('spec/schemas examples', () => {
  for (const [name, schema] of specSchemas) {
    const validator = validators[`${name}Schema`];
    const examples = Array.isArray(schema.examples) ? schema.examples : [];

    // A response body schema's examples are its responses' own (checked below), never its own:
    // a mock server would serve a schema example for every status.
    it(`${name} has a validator and at least one example`, () => {
      expect(validator).toBeDefined();
      if (responseBodies.has(name)) expect(examples).toEqual([]);
      else expect(examples.length).toBeGreaterThan(0);
    });

    it.each(examples.map((example, i) => [i, example]))(`${name}Schema accepts example %i`, (_i, example) => {
      expectValid(validator!, example);
    });

    const mutants = examples.flatMap((example, i) =>
      mutantsOf(example, schema).map((m) => [`example ${i} with ${m.label}`, m.value] as const),
    );
    it.each(mutants)(`${name}Schema rejects %s`, (_label, value) => {
      expect(validator!.safeParse(value).success).toBe(false);
    });
  }
});

// JSON Schema cannot compose a pattern from a `$ref`, so `resultsUrl` restates JobId's character
// class; this keeps the two in step: every JobId example makes a valid URL, a too-short id does not.
describe('JobCompletePayload.resultsUrl', () => {
  const ids = (specSchemas.get('JobId')?.examples ?? []) as string[];
  const payload = (jobId: string) => ({
    ...(specSchemas.get('JobCompletePayload')!.examples as object[])[0],
    resultsUrl: `/v1/scan/results/${jobId}`,
  });

  it.each(ids)('accepts the results path of job id %s', (jobId) => {
    expect(generatedSchemas.JobIdSchema.safeParse(jobId).success).toBe(true);
    expectValid(generatedSchemas.JobCompletePayloadSchema, payload(jobId));
  });

  it.each(['short', 'has space-in-it', 'x'.repeat(65)])(
    'rejects a results path whose job id %s fails JobId',
    (jobId) => {
      expect(generatedSchemas.JobIdSchema.safeParse(jobId).success).toBe(false);
      expect(generatedSchemas.JobCompletePayloadSchema.safeParse(payload(jobId)).success).toBe(false);
    },
  );
});

describe('OpenAPI request and response examples', () => {
  const operations = OPERATIONS as unknown as Record<
    string,
    { requestBody?: Record<string, z.ZodType | undefined>; responses: Record<string, z.ZodType | undefined> }
  >;
  const cases = listOperations(openapi).flatMap((op) => [
    ...op.requestBody.flatMap((media) =>
      media.schema
        ? media.examples.map((example) => ({
            label: `${op.operationId} request ${media.contentType}`,
            schema: media.schema!,
            example,
            validator: operations[op.operationId]?.requestBody?.[media.contentType],
          }))
        : [],
    ),
    ...op.responses.flatMap(({ status, content }) =>
      content.flatMap((media) =>
        media.schema
          ? media.examples.map((example) => ({
              label: `${op.operationId} ${status} response`,
              schema: media.schema!,
              example,
              validator: operations[op.operationId]?.responses[status],
            }))
          : [],
      ),
    ),
  ]);

  it('finds request and response examples for every operation that takes or returns JSON', () => {
    const covered = new Set(cases.map((c) => c.label.split(' ')[0]));
    const withJson = listOperations(openapi).filter((op) => op.responses.some((r) => r.content.some((m) => m.schema)));
    expect(withJson.map((op) => op.operationId).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s example is accepted', (_label, c) => {
    expect(c.validator).toBeDefined();
    expectValid(c.validator!, c.example);
  });

  const mutants = cases.flatMap((c) =>
    mutantsOf(c.example, inlineOrNamed(c.schema)).map(
      (m) => [`${c.label} with ${m.label}`, c.validator, m.value] as const,
    ),
  );
  it.each(mutants)('%s is rejected', (_label, validator, value) => {
    expect(validator!.safeParse(value).success).toBe(false);
  });
});

/** Response envelopes are inline in the bundle and may point at components; resolve either. */
function inlineOrNamed(schema: JsonSchema): JsonSchema {
  return typeof schema.$ref === 'string' ? resolve(schema) : schema;
}

describe('AsyncAPI message examples', () => {
  const channels = isSchema(asyncapi.channels) ? Object.values(asyncapi.channels).filter(isSchema) : [];
  const messages = channels.flatMap((channel) =>
    Object.values(isSchema(channel.messages) ? channel.messages : {}).filter(isSchema),
  );
  const cases = messages.flatMap((message) => {
    const payload = isSchema(message.payload) ? message.payload : {};
    const name = refTypeName(String(payload.$ref));
    const examples = Array.isArray(message.examples) ? message.examples.filter(isSchema) : [];
    return examples.map((example) => ({ label: `${String(message.name)} (${name})`, name, payload: example.payload }));
  });
  const union = (payload: unknown): z.ZodType => {
    const type = isSchema(payload) ? payload.type : undefined;
    return ['ready', 'cancel'].includes(String(type))
      ? generatedSchemas.ClientMessageSchema
      : generatedSchemas.ServerMessageSchema;
  };

  it('has an example for each of the nine messages', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(9);
  });

  it.each(cases.map((c) => [c.label, c] as const))(
    '%s example is accepted by its schema and its union',
    (_label, c) => {
      expectValid(validators[`${c.name}Schema`]!, c.payload);
      expectValid(union(c.payload), c.payload);
    },
  );

  const mutants = cases.flatMap((c) =>
    mutantsOf(c.payload, specSchemas.get(c.name)!).map((m) => [`${c.label} with ${m.label}`, c, m] as const),
  );
  it.each(mutants)('%s is rejected by its schema', (_label, c, mutant) => {
    expect(validators[`${c.name}Schema`]!.safeParse(mutant.value).success).toBe(false);
  });

  // A sibling's tag may make a valid sibling (`ready` → `cancel`), so only the others apply here.
  it.each(mutants.filter(([, , mutant]) => !mutant.isOtherMember))(
    '%s is rejected by its union',
    (_label, c, mutant) => {
      expect(union(c.payload).safeParse(mutant.value).success).toBe(false);
    },
  );
});
