// Small helpers at the socket and RPC edges: which close code may be echoed, and how a planning
// error becomes a contract failure.
import { CLOSE_CODES, ERROR_CODE, ERROR_CODES } from '@bookstrack/generated/constants';
import type { ErrorCode } from '@bookstrack/generated/schemas';
import { fail, type JobFailure } from './job-api';

// RFC 6455 §7.4.1: 1005, 1006 and 1015 describe a close but must never be sent in a close frame.
const UNSENDABLE_CLOSE_CODES = new Set([1005, 1006, 1015]);

/** The code to answer a client's close with, so the handshake completes. */
export function replyCloseCode(code: number): number {
  // 1000 (normal closure) is the lowest close code a frame may carry.
  if (UNSENDABLE_CLOSE_CODES.has(code) || code < CLOSE_CODES.NORMAL_CLOSURE || code > 4999)
    return CLOSE_CODES.NORMAL_CLOSURE;
  return code;
}

/** A pipeline's plan() that throws: its contract code when it carries one, else INVALID_REQUEST. */
export function startFailure(error: unknown): JobFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error && error.message ? error.message : 'The job input was rejected';
  if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
    return fail(code as ErrorCode, message);
  }
  return fail(ERROR_CODE.INVALID_REQUEST, message);
}
