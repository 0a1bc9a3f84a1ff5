// Checks the request's Content-Type against the media types its operation documents (415 otherwise).
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { HttpError } from './http-error';

/** `text/csv; charset=utf-8` → `text/csv`. */
export function mediaTypeOf(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('Content-Type');
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

export function acceptedMediaTypes(operationId: OperationId): string[] {
  const operation = OPERATIONS[operationId];
  return 'requestBody' in operation ? Object.keys(operation.requestBody) : [];
}

/** The request's media type, when the operation accepts it. */
export function requireMediaType(c: Context<AppEnv>, operationId: OperationId): string {
  const accepted = acceptedMediaTypes(operationId);
  const type = mediaTypeOf(c);
  if (type === undefined || !accepted.includes(type)) {
    throw new HttpError(ERROR_CODE.UNSUPPORTED_MEDIA_TYPE, `Content-Type must be ${accepted.join(' or ')}`, {
      accepted,
      received: type ?? null,
    });
  }
  return type;
}
