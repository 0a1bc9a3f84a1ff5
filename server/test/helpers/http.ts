// Helpers for route tests: call the Worker and parse each response with the generated validator
// for its operation and status, so every assertion runs on contract-valid bodies.
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import { ErrorEnvelopeSchema, type ErrorEnvelope } from '@bookstrack/generated/schemas';
import { SELF } from 'cloudflare:test';
import { expect } from 'vitest';
import type { z } from 'zod';

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
  return schema.parse(JSON.parse(text)) as BodyOf<K, S>;
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

/** Polls getJobState until the job reaches a terminal status (alarms run jobs in real time here). */
export async function waitUntilFinished(job: StartedCsvJob, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await expectResponse(
      await call(`/api/job-state/${job.jobId}`, authorized(job.token)),
      'getJobState',
      200,
    );
    if (['completed', 'failed', 'canceled'].includes(body.data.status)) return body.data.status;
    if (Date.now() > deadline) throw new Error(`job ${job.jobId} still ${body.data.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A generic CSV with `rows` valid rows (enough rows make a job take several steps). */
export function generatedCsv(rows: number): string {
  const lines = ['title,author'];
  for (let i = 1; i <= rows; i++) lines.push(`Book ${i},Author ${i}`);
  return `${lines.join('\n')}\n`;
}
