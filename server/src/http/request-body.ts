// Reads and validates an operation's JSON request body: media type (415), size (413),
// JSON syntax and the generated request schema (400).
import { LIMITS } from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './app-env';
import { readBodyCapped } from './body-limit';
import { requireMediaType } from './media-type';
import { parseJson, validateRequest, type BatchRule } from './validate-request';

type JsonOperation = {
  [K in OperationId]: (typeof OPERATIONS)[K] extends { requestBody: { 'application/json': z.ZodType } } ? K : never;
}[OperationId];

type JsonBodyOf<K extends JsonOperation> = (typeof OPERATIONS)[K] extends {
  requestBody: { 'application/json': infer S };
}
  ? S extends z.ZodType
    ? z.infer<S>
    : never
  : never;

const decoder = new TextDecoder();

/** Decoded text of a body, read under a byte cap. */
export async function readText(c: Context<AppEnv>, maxBytes: number): Promise<string> {
  return decoder.decode(await readBodyCapped(c.req.raw, maxBytes));
}

export async function readJsonBody<K extends JsonOperation>(
  c: Context<AppEnv>,
  operationId: K,
  rule?: BatchRule,
  maxBytes: number = LIMITS.REQUEST_MAX_BYTES,
): Promise<JsonBodyOf<K>> {
  requireMediaType(c, operationId);
  const value = parseJson(await readText(c, maxBytes));
  const schema = (OPERATIONS[operationId].requestBody as { 'application/json': z.ZodType })['application/json'];
  return validateRequest(schema, value, rule) as JsonBodyOf<K>;
}
