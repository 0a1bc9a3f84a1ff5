// Judges one HTTP response against the contract: the status is documented for the operation (and
// allowed for this request), the body parses with OPERATIONS[op].responses[status], an error's code
// maps to that status, and the envelope's requestId is the X-Request-Id header.
import { ERROR_STATUS } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { ErrorEnvelopeSchema } from '@bookstrack/generated/schemas';
import type { z } from 'zod';
import type { HttpCase } from './http-cases';

export interface ReceivedResponse {
  status: number;
  headers: Headers;
  text: string;
}

function documentedSchemas(testCase: HttpCase): Record<number, z.ZodType | undefined> {
  if (testCase.operationId === 'unrouted') return { 404: ErrorEnvelopeSchema, 405: ErrorEnvelopeSchema };
  return OPERATIONS[testCase.operationId].responses as Record<number, z.ZodType | undefined>;
}

function envelopeChecks(response: ReceivedResponse, body: unknown): string[] {
  const problems: string[] = [];
  const envelope = body as { metadata?: { requestId?: string }; error?: { code?: string } };
  const requestId = response.headers.get('X-Request-Id');
  if (envelope.metadata !== undefined && envelope.metadata.requestId !== requestId) {
    problems.push(`metadata.requestId ${envelope.metadata.requestId} differs from X-Request-Id ${requestId}`);
  }
  const code = envelope.error?.code;
  if (code !== undefined && ERROR_STATUS[code as keyof typeof ERROR_STATUS] !== response.status) {
    problems.push(
      `error.code ${code} maps to ${ERROR_STATUS[code as keyof typeof ERROR_STATUS]}, not ${response.status}`,
    );
  }
  if (response.status === 429 && response.headers.get('Retry-After') === null) problems.push('429 without Retry-After');
  if (response.status === 405 && response.headers.get('Allow') === null) problems.push('405 without Allow');
  return problems;
}

/** Every way the response breaks the contract; empty when it keeps it. */
export function contractViolations(testCase: HttpCase, response: ReceivedResponse): string[] {
  const schemas = documentedSchemas(testCase);
  if (!(response.status in schemas)) return [`status ${response.status} is not documented for ${testCase.operationId}`];
  const problems: string[] = [];
  if (!testCase.allowed.includes(response.status)) {
    problems.push(`status ${response.status} where this request allows ${testCase.allowed.join('/')}`);
  }
  const schema = schemas[response.status];
  const isJson = response.headers.get('Content-Type')?.includes('application/json') ?? false;
  if (schema === undefined) {
    if (isJson) problems.push(`status ${response.status} must not be JSON`);
    return problems;
  }
  if (!isJson)
    return [...problems, `status ${response.status} must be JSON, got ${response.headers.get('Content-Type')}`];
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return [...problems, 'body is not JSON'];
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.slice(0, 3).map((issue) => `body ${issue.path.join('.')}: ${issue.message}`));
  }
  return [...problems, ...envelopeChecks(response, body)];
}
