// The one error type a book or vision provider throws: it carries the contract error code
// (PROVIDER_ERROR or PROVIDER_TIMEOUT), so a pipeline turns it into a per-item ApiError as is.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { ApiErrorSchema, type ApiError } from '@bookstrack/generated/schemas';

export type ProviderErrorCode = typeof ERROR_CODE.PROVIDER_ERROR | typeof ERROR_CODE.PROVIDER_TIMEOUT;

/** The spec's maxLength of ApiError.message: longer upstream text is cut to it. */
export const API_ERROR_MESSAGE_MAX_CHARS = ApiErrorSchema.shape.message.maxLength ?? Number.POSITIVE_INFINITY;

export interface ProviderErrorDetails {
  provider: string;
  upstreamStatus?: number;
  retryAfterSeconds?: number;
  attempts?: number;
}

export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly details: ProviderErrorDetails;
  /**
   * A timeout, 5xx, 429 or network failure that outlasted the HTTP client's retries: trouble the job
   * survives and reports as a retryable `error` frame. A refusal (4xx, a body of the wrong shape) is not.
   */
  readonly isTransient: boolean;

  constructor(code: ProviderErrorCode, message: string, details: ProviderErrorDetails, isTransient = false) {
    super(message);
    this.name = 'ProviderError';
    this.code = code;
    this.details = details;
    this.isTransient = isTransient;
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, details: { ...this.details } };
  }
}

/** Any thrown value as a contract ApiError; unknown failures are reported, not rethrown. */
export function toProviderApiError(error: unknown, provider: string): ApiError {
  if (error instanceof ProviderError) return error.toApiError();
  const message = error instanceof Error && error.message ? error.message : 'Provider failed';
  return {
    code: ERROR_CODE.PROVIDER_ERROR,
    message: message.slice(0, API_ERROR_MESSAGE_MAX_CHARS),
    details: { provider },
  };
}
