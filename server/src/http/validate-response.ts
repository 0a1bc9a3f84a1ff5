// Marks a route with its operationId and, when VALIDATE_RESPONSES is "true" (dev and test), checks
// every response against the generated schema for that operation and status (its fast guard first). A mismatch becomes a
// loud 500 INTERNAL_ERROR with the issues logged, so a contract drift fails tests instead of clients.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import type { AppEnv } from './app-env';
import { errorResponse } from './error-handler';
import { HttpError } from './http-error';
import { guardFor } from './validate-fast';
import { toValidationIssues } from './validate-request';
import type { ValidationIssue } from '@bookstrack/generated/schemas';

const SWITCHING_PROTOCOLS = 101;

async function findMismatch(operationId: OperationId, response: Response): Promise<ValidationIssue[] | undefined> {
  const responses = OPERATIONS[operationId].responses as Record<number, z.ZodType | undefined>;
  if (!(response.status in responses)) {
    return [{ path: '', message: `status ${response.status} is not documented for ${operationId}` }];
  }
  const schema = responses[response.status];
  const isJson = response.headers.get('Content-Type')?.includes('application/json') ?? false;
  if (schema === undefined) {
    return isJson ? [{ path: '', message: `status ${response.status} of ${operationId} must not be JSON` }] : undefined;
  }
  if (!isJson) return [{ path: '', message: `status ${response.status} of ${operationId} must be JSON` }];
  const body: unknown = await response.clone().json();
  if (guardFor(schema)?.(body) === true) return undefined;
  const result = schema.safeParse(body);
  return result.success ? undefined : toValidationIssues(result.error);
}

function replaceWithFailure(c: Context<AppEnv>, operationId: OperationId, issues: ValidationIssue[]): void {
  console.error(
    `[${c.get('requestId')}] response of ${operationId} (${c.res.status}) violates the contract:`,
    JSON.stringify(issues),
  );
  c.res = undefined;
  c.res = errorResponse(
    c,
    new HttpError(ERROR_CODE.INTERNAL_ERROR, `Response violates the contract for ${operationId}`, { issues }),
  );
}

/** First middleware of every route: names the operation and validates its responses. */
export function operation(operationId: OperationId) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('operationId', operationId);
    await next();
    if (c.env.VALIDATE_RESPONSES !== 'true' || c.res.status === SWITCHING_PROTOCOLS) return;
    const issues = await findMismatch(operationId, c.res);
    if (issues !== undefined) replaceWithFailure(c, operationId, issues);
  });
}
