// The one error class of the server: a contract error code, its HTTP status (from the spec's
// x-error-status map) and optional details; `onError` turns it into the error envelope.
import { ERROR_STATUS } from '@bookstrack/generated/constants';
import type { ApiError, ErrorCode } from '@bookstrack/generated/schemas';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorDetails = NonNullable<ApiError['details']>;

export class HttpError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    /** Extra response headers (Retry-After, Allow...). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = ERROR_STATUS[code] as ContentfulStatusCode;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
