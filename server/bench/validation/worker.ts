// Validation bench Worker (bench/validation/wrangler.jsonc): runs one validator over a case's samples
// n times per request and times the loop. workerd's clock stands still while code runs and moves
// on at I/O, so a zero-delay timer before and after the loop reads the time around it. Implementations: `zod` (generated/schemas.ts safeParse, the old hot path),
// `fast` (what the server runs now) and `ajv` (ajv standalone code for the same schemas, the floor).
import asyncapi from '@bookstrack/generated/asyncapi.json';
import { isClientMessage, isServerMessage } from '@bookstrack/generated/fast-validators';
import { OPERATIONS } from '@bookstrack/generated/operations';
import * as schemas from '@bookstrack/generated/schemas';
import openapi from '@bookstrack/generated/openapi.json';
import type { z } from 'zod';
import { guardFor } from '../../src/http/validate-fast';
import { validateRequest } from '../../src/http/validate-request';
import ajvValidators from './ajv-validators.gen.js';
import { listBenchCases, type BenchCase, type BenchTarget } from './cases';

type Check = (value: unknown) => boolean;
interface Implementations {
  zod: Check;
  fast: Check;
  ajv: Check;
}

type OperationTable = Record<string, { requestBody?: Record<string, z.ZodType>; responses: Record<string, z.ZodType> }>;

function zodSchemaOf(target: BenchTarget): z.ZodType {
  const operations = OPERATIONS as unknown as OperationTable;
  if (target.kind === 'schema')
    return (schemas as unknown as Record<string, z.ZodType>)[`${target.name}Schema`] as z.ZodType;
  const operation = operations[target.operationId];
  const schema =
    target.kind === 'request' ? operation?.requestBody?.['application/json'] : operation?.responses[target.status];
  if (schema === undefined) throw new Error(`no zod schema for ${JSON.stringify(target)}`);
  return schema;
}

/** The check the server runs for this case since the fast guards: the same call its hot path makes. */
function serverCheck(entry: BenchCase, schema: z.ZodType): Check {
  if (entry.path === 'outgoing frame') return isServerMessage;
  if (entry.path === 'client frame') return isClientMessage;
  if (entry.path === 'request body') {
    return (value) => {
      validateRequest(schema, value);
      return true;
    };
  }
  return (value) => guardFor(schema)?.(value) === true;
}

const CASES = new Map<string, { entry: BenchCase; impl: Implementations }>(
  listBenchCases(openapi as never, asyncapi as never).map((entry) => {
    const schema = zodSchemaOf(entry.target);
    const ajv = ajvValidators[entry.ajvExport];
    if (ajv === undefined) throw new Error(`ajv standalone has no ${entry.ajvExport}`);
    const impl = { zod: (value: unknown) => schema.safeParse(value).success, fast: serverCheck(entry, schema), ajv };
    return [entry.key, { entry, impl }];
  }),
);

function run(check: Check, samples: unknown[], n: number): number {
  let accepted = 0;
  for (let i = 0; i < n; i++) if (check(samples[i % samples.length])) accepted += 1;
  return accepted;
}

function clockAfterTick(): Promise<number> {
  return new Promise((done) => setTimeout(() => done(performance.now()), 0));
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/health') return Response.json({ status: 'ok' });
    if (url.pathname === '/cases') return Response.json([...CASES.keys()]);
    const found = CASES.get(url.searchParams.get('case') ?? '');
    const impl = url.searchParams.get('impl') as keyof Implementations | null;
    if (found === undefined || impl === null || !(impl in found.impl))
      return new Response('unknown case', { status: 404 });
    const n = Number(url.searchParams.get('n') ?? '0');
    const started = await clockAfterTick();
    const accepted = run(found.impl[impl], found.entry.samples, n);
    const ms = (await clockAfterTick()) - started;
    return Response.json({ n, accepted, ms });
  },
};
