// Request validation: the generated fast guard decides, the generated zod schema explains a reject
// (400 INVALID_REQUEST with details.issues, or the contract's codes for an empty or oversized batch).
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { ValidationIssueSchema, type ValidationIssue } from '@bookstrack/generated/schemas';
import type { z } from 'zod';
import type { BatchLimit } from '../pipelines/job-type';
import { HttpError } from './http-error';
import { guardFor } from './validate-fast';

// ValidationIssue.path and .message caps, as the spec states them.
const MAX_PATH_CHARS = ValidationIssueSchema.shape.path.maxLength ?? Number.POSITIVE_INFINITY;
const MAX_MESSAGE_CHARS = ValidationIssueSchema.shape.message.maxLength ?? Number.POSITIVE_INFINITY;

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, MAX_PATH_CHARS),
    message: issue.message.slice(0, MAX_MESSAGE_CHARS),
  }));
}

export function invalidRequest(message: string, issues: ValidationIssue[]): HttpError {
  return new HttpError(ERROR_CODE.INVALID_REQUEST, message, { issues });
}

/** The batch array of an operation (`books`, `images`) and its documented maximum (a job type's). */
export type BatchRule = BatchLimit;

function batchError(error: z.ZodError, rule: BatchRule | undefined, value: unknown): HttpError | undefined {
  if (rule === undefined) return undefined;
  const sizeIssue = error.issues.find(
    (issue) =>
      issue.path.length === 1 &&
      issue.path[0] === rule.field &&
      (issue.code === 'too_small' || issue.code === 'too_big'),
  );
  if (sizeIssue === undefined) return undefined;
  if (sizeIssue.code === 'too_small')
    return new HttpError(ERROR_CODE.EMPTY_BATCH, `${rule.field} must contain at least one ${rule.noun}`);
  const count = (value as Record<string, unknown[]>)[rule.field]?.length ?? 0;
  return new HttpError(ERROR_CODE.BATCH_TOO_LARGE, `At most ${rule.max} ${rule.noun}s per batch, got ${count}`, {
    max: rule.max,
    count,
  });
}

/**
 * Checks `value` against a generated schema or throws the contract's 400. An accepted value is
 * returned as it is: the request schemas transform nothing (no defaults, no url/trim formats).
 */
export function validateRequest<T>(schema: z.ZodType<T>, value: unknown, rule?: BatchRule): T {
  if (guardFor(schema)?.(value) === true) return value as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw (
    batchError(result.error, rule, value) ??
    invalidRequest('Request body failed validation', toValidationIssues(result.error))
  );
}

/** Parses JSON text, turning a syntax error into 400 INVALID_REQUEST. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequest('Request body is not valid JSON', [
      { path: '', message: (error as Error).message.slice(0, MAX_MESSAGE_CHARS) },
    ]);
  }
}
