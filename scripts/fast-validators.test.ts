// Differential test: every fast guard (generated/fast-validators.ts) gives the verdict of its zod
// validator (generated/schemas.ts, generated/operations.ts) on every spec example and on fuzzed
// mutations of them: leaves replaced by odd values, keys dropped or added, strings edited a character
// at a time (formats, patterns, base64, bounds), numbers nudged across their bounds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FAST_OPERATIONS, SCHEMA_GUARDS } from '../generated/fast-validators';
import { OPERATIONS } from '../generated/operations';
import * as zodSchemas from '../generated/schemas';
import { REPO_ROOT, specPaths } from './core/paths';
import type { JsonSchema } from './lib/json-schema';
import { listOperations } from './lib/openapi-operations';
import { loadSchemas } from './lib/schema-files';
import { listSpecExamples } from './lib/spec-examples';

type Guard = (value: unknown) => boolean;
interface Pair {
  label: string;
  guard: Guard;
  schema: z.ZodType;
  examples: unknown[];
}

const readJson = (file: string): JsonSchema => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as JsonSchema;
const openapi = readJson('generated/openapi.json');
const specExamples = listSpecExamples(loadSchemas(specPaths().schemas), openapi, readJson('generated/asyncapi.json'));
const zodByName = zodSchemas as unknown as Record<string, z.ZodType>;

function schemaPairs(): Pair[] {
  return Object.entries(SCHEMA_GUARDS).map(([name, guard]) => ({
    label: name,
    guard: guard as Guard,
    schema: zodByName[`${name}Schema`] as z.ZodType,
    examples: specExamples.filter((ex) => ex.typeName === name && !ex.isEnvelope).map((ex) => ex.value),
  }));
}

function operationPairs(): Pair[] {
  const fast = FAST_OPERATIONS as unknown as Record<
    string,
    { requestBody?: Record<string, Guard | undefined>; responses: Record<string, Guard | undefined> }
  >;
  const slow = OPERATIONS as unknown as Record<
    string,
    { requestBody?: Record<string, z.ZodType | undefined>; responses: Record<string, z.ZodType | undefined> }
  >;
  return listOperations(openapi).flatMap((op) => {
    const request = op.requestBody
      .filter((media) => media.schema)
      .map((media) => ({
        label: `${op.operationId} request ${media.contentType}`,
        guard: fast[op.operationId]?.requestBody?.[media.contentType] as Guard,
        schema: slow[op.operationId]?.requestBody?.[media.contentType] as z.ZodType,
        examples: media.examples,
      }));
    const responses = op.responses.flatMap(({ status, content }) =>
      content
        .filter((media) => media.schema)
        .map((media) => ({
          label: `${op.operationId} ${status}`,
          guard: fast[op.operationId]?.responses[status] as Guard,
          schema: slow[op.operationId]?.responses[status] as z.ZodType,
          examples: media.examples,
        })),
    );
    return [...request, ...responses];
  });
}

type Path = (string | number)[];

function leafPaths(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => leafPaths(item, [...at, i], into));
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) leafPaths(inner, [...at, key], into);
  return into;
}

const ODD_VALUES = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1,
  -1,
  0.5,
  2 ** 53,
  -(2 ** 53),
  1e300,
  '',
  ' ',
  'x'.repeat(1001),
  true,
  [],
  {},
  [1],
  { a: 1 },
];
const oddValue = fc.oneof(
  fc.constantFrom(...ODD_VALUES),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
);
const EDIT_CHARS = [
  '0',
  '9',
  'a',
  'Z',
  'X',
  '-',
  ':',
  'T',
  'Z',
  '.',
  '+',
  '/',
  '=',
  ' ',
  '\t',
  '\n',
  'é',
  '😀',
  '_',
  '%',
  '#',
];
const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'toString', 'type', 'details', 'issues', 'count'];

const mutation = fc.record({
  path: fc.nat(),
  kind: fc.constantFrom('replace', 'drop', 'add', 'edit', 'nudge'),
  value: oddValue,
  key: fc.constantFrom(...EXTRA_KEYS),
  position: fc.nat(),
  char: fc.constantFrom(...EDIT_CHARS),
  editKind: fc.constantFrom('insert', 'delete', 'replace'),
  delta: fc.constantFrom(-1, 1, -0.5, 0.5, 1e-9, -1e-9, 100),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function editString(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.position % (text.length + 1);
  if (m.editKind === 'insert') return text.slice(0, at) + m.char + text.slice(at);
  if (m.editKind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + m.char + text.slice(at + 1);
}

function changed(value: unknown, m: Mutation): unknown {
  if (m.kind === 'edit' && typeof value === 'string') return editString(value, m);
  if (m.kind === 'nudge' && typeof value === 'number') return value + m.delta;
  if (m.kind === 'add' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    // defineProperty: a plain assignment of `__proto__` would set the prototype instead.
    Object.defineProperty(value, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return value;
  }
  return m.value;
}

/** A deep copy of `example` with one mutation at one of its paths (the root included). */
function mutate(example: unknown, m: Mutation): unknown {
  const copy = structuredClone(example);
  const paths = leafPaths(copy);
  const path = paths[m.path % paths.length] as Path;
  if (path.length === 0) return changed(copy, m);
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const last = path[path.length - 1] as string | number;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = changed(parent[last], m);
  return copy;
}

const counts = { examples: 0, mutations: 0, anything: 0 };
const zodVerdict = (schema: z.ZodType, value: unknown): boolean => schema.safeParse(value).success;

function expectSameVerdict(pair: Pair, value: unknown, count: keyof typeof counts): boolean {
  counts[count] += 1;
  const fast = pair.guard(value);
  const slow = zodVerdict(pair.schema, value);
  if (fast !== slow) expect({ label: pair.label, value, fast }).toEqual({ label: pair.label, value, fast: slow });
  return fast === slow;
}

const pairs = [...schemaPairs(), ...operationPairs()];

describe('fast validators agree with the zod validators', () => {
  it('pairs a fast guard and a zod validator for every schema and every JSON body', () => {
    for (const pair of pairs) {
      expect(typeof pair.guard, pair.label).toBe('function');
      expect(pair.schema, pair.label).toBeDefined();
    }
    expect(pairs.length).toBe(Object.keys(SCHEMA_GUARDS).length + operationPairs().length);
  });

  it.each(pairs.filter((pair) => pair.examples.length > 0).map((pair) => [pair.label, pair] as const))(
    'gives the verdict of zod on the examples of %s and on their mutations',
    (_label, pair) => {
      for (const example of pair.examples) {
        expect(pair.guard(example), `${pair.label} example`).toBe(true);
        expectSameVerdict(pair, example, 'examples');
        fc.assert(
          fc.property(mutation, (m) => expectSameVerdict(pair, mutate(example, m), 'mutations')),
          { numRuns: 300, seed: 15 },
        );
      }
    },
  );

  it('returns every accepted request example unchanged from zod, so a guard may hand the value on as it is', () => {
    const requests = operationPairs().filter((pair) => pair.label.includes(' request '));
    expect(requests.length).toBeGreaterThan(0);
    for (const pair of requests)
      for (const example of pair.examples) expect(pair.schema.parse(example)).toEqual(example);
  });

  it.each(pairs.map((pair) => [pair.label, pair] as const))(
    'gives the verdict of zod on any value for %s',
    (_label, pair) => {
      fc.assert(
        fc.property(fc.anything({ maxDepth: 2, withNullPrototype: true }), (value) =>
          expectSameVerdict(pair, value, 'anything'),
        ),
        { numRuns: 100, seed: 15 },
      );
    },
  );
});

afterAll(() => {
  console.log(
    `fast-validators differential: ${pairs.length} validator pairs, ${counts.examples} examples, ${counts.mutations} mutations, ${counts.anything} random values`,
  );
});
