// The HTTP harness for route tests: call the Worker and parse each response with the generated
// validator for its operation and status, so every assertion runs on contract-valid bodies; jobs
// are driven by firing their alarms.
import { TERMINAL_JOB_STATUSES } from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import { ErrorEnvelopeSchema, type ErrorEnvelope } from '@bookstrack/generated/schemas';
import { createExecutionContext, env, SELF } from 'cloudflare:test';
import { afterEach, beforeEach, expect } from 'vitest';
import type { z } from 'zod';
import { guardFor } from '../../src/http/validate-fast';
import worker from '../../src/index';
import { fireNextAlarm, restoreClock, useClock } from './durable';

export const ORIGIN = 'http://api.test';

let ipCounter = 0;

/** A client IP no other test uses, so the per-IP rate limit never couples tests. */
export function freshIp(): string {
  ipCounter += 1;
  return `10.${Math.floor(ipCounter / 65536) % 256}.${Math.floor(ipCounter / 256) % 256}.${ipCounter % 256}`;
}

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', freshIp());
  return SELF.fetch(`${ORIGIN}${path}`, { ...init, headers });
}

/**
 * Hands this exact request to the Worker's fetch handler. `SELF.fetch` cannot send a non-GET upgrade:
 * workerd's fetch() turns every `Upgrade: websocket` request into a GET without a body (the other
 * headers and `cf` pass through), so the method edges of the socket route are tested this way.
 */
export async function callWorker(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', freshIp());
  return worker.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }), env, createExecutionContext());
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

type ResponsesOf<K extends OperationId> = (typeof OPERATIONS)[K]['responses'];
type StatusOf<K extends OperationId> = keyof ResponsesOf<K> & number;
type BodyOf<K extends OperationId, S extends StatusOf<K>> = ResponsesOf<K>[S] extends z.ZodType
  ? z.infer<ResponsesOf<K>[S]>
  : never;

/** Asserts the status, then parses the body with OPERATIONS[op].responses[status]. */
export async function expectResponse<K extends OperationId, S extends StatusOf<K>>(
  response: Response,
  operationId: K,
  status: S,
): Promise<BodyOf<K, S>> {
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(status);
  const schema = (OPERATIONS[operationId].responses as Record<number, z.ZodType | undefined>)[status];
  if (schema === undefined) throw new Error(`${operationId} ${status} has no JSON schema`);
  const body: unknown = JSON.parse(text);
  // Every response a test reads is also a differential case: the server's fast guard must agree.
  expect(guardFor(schema)?.(body), `fast guard of ${operationId} ${status}`).toBe(schema.safeParse(body).success);
  return schema.parse(body) as BodyOf<K, S>;
}

/** Asserts an error envelope with this status and code (for routes without an operation: 404/405). */
export async function expectError(
  response: Response,
  status: number,
  code: ErrorEnvelope['error']['code'],
): Promise<ErrorEnvelope> {
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(status);
  const envelope = ErrorEnvelopeSchema.parse(JSON.parse(text));
  expect(envelope.error.code).toBe(code);
  return envelope;
}

export interface StartedCsvJob {
  jobId: string;
  token: string;
}

/** Starts a CSV import from a fresh IP and returns its job id and token. */
export async function startCsvJob(csv: string): Promise<StartedCsvJob> {
  const response = await call('/api/csv/import', {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv,
  });
  const body = await expectResponse(response, 'importCsv', 202);
  return { jobId: body.data.jobId, token: body.data.token };
}

export function authorized(token: string): RequestInit {
  return { headers: { Authorization: `Bearer ${token}` } };
}

/**
 * Route tests run their jobs by firing alarms, never by waiting for them: every Durable Object of the
 * file gets a manual clock far ahead of real time (so no alarm fires by itself), and
 * `waitUntilFinished` fires the job's armed alarm until the job is terminal.
 */
export function driveJobsByAlarms(): void {
  beforeEach(() => {
    useClock();
  });
  afterEach(() => restoreClock());
}

/** Fires the job's alarms until getJobState reports a terminal status; returns that status. */
export async function waitUntilFinished(job: StartedCsvJob, maxAlarms = 500): Promise<string> {
  for (let fired = 0; ; fired += 1) {
    const body = await expectResponse(
      await call(`/api/job-state/${job.jobId}`, authorized(job.token)),
      'getJobState',
      200,
    );
    if ((TERMINAL_JOB_STATUSES as readonly string[]).includes(body.data.status)) return body.data.status;
    if (fired >= maxAlarms || (await fireNextAlarm(job.jobId)) === null) {
      throw new Error(`job ${job.jobId} still ${body.data.status} after ${fired} alarms`);
    }
  }
}

/** A generic CSV with `rows` valid rows (enough rows make a job take several steps). */
export function generatedCsv(rows: number): string {
  const lines = ['title,author'];
  for (let i = 1; i <= rows; i++) lines.push(`Book ${i},Author ${i}`);
  return `${lines.join('\n')}\n`;
}
