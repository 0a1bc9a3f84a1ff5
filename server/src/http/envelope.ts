// Builds the contract envelope { data, metadata, error? } for every JSON response.
import type { ApiError, ResponseMetadata } from '@bookstrack/generated/schemas';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { clockFor } from '../clock';
import type { AppEnv } from './app-env';

export function metadataOf(c: Context<AppEnv>): ResponseMetadata {
  const now = clockFor(c.env).now();
  const startedAt = c.get('startedAt') ?? now;
  return {
    timestamp: new Date(now).toISOString(),
    requestId: c.get('requestId') ?? 'unknown',
    processingTime: Math.max(0, Math.round(now - startedAt)),
  };
}

/** A success response: `data` plus metadata. */
export function sendData<T>(c: Context<AppEnv>, data: T, status: ContentfulStatusCode = 200): Response {
  return c.json({ data, metadata: metadataOf(c) }, status);
}

/** An error response: `data: null`, metadata and the ApiError. */
export function sendError(
  c: Context<AppEnv>,
  error: ApiError,
  status: ContentfulStatusCode,
  headers: Record<string, string> = {},
): Response {
  return c.json({ data: null, metadata: metadataOf(c), error }, status, headers);
}
