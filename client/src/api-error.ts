// Errors the HTTP client throws: a contract error envelope from the server, or a response that does
// not match the contract (a server or proxy bug the caller should see, not a silently wrong value).
import type { ApiError, ErrorCode, ErrorEnvelope } from '@bookstrack/generated/readers';

/**
 * The server answered with the contract error envelope (`{data: null, metadata, error}`), as the
 * reader returns it: `code` is `{ unknown: 'NEW_CODE' }` for a code this version does not know.
 */
export class BooksTrackApiError extends Error {
  override readonly name = 'BooksTrackApiError';
  readonly code: ErrorCode;
  readonly details: ApiError['details'];

  constructor(
    readonly status: number,
    readonly envelope: ErrorEnvelope,
    /** Seconds from the `Retry-After` header (429), when present. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${envelope.error.code}: ${envelope.error.message}`);
    this.code = envelope.error.code;
    this.details = envelope.error.details;
  }
}

/** The response matches no schema the contract lists for this operation and status. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  constructor(
    readonly operationId: string,
    readonly status: number,
    readonly body: unknown,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `${operationId}: the ${status} response does not match the contract (${
        issues.map((i) => `${i.path}: ${i.message}`).join('; ') || 'unexpected status'
      })`,
    );
  }
}
