// What to do after the socket closes, read from the generated x-close-codes table (CLOSE_CODE_TABLE):
// the table's `reconnect` field decides, `retryAfterMs` gives the delay. Codes outside the table
// (1005/1006: the network dropped, or our own drop) are treated as a transient loss: back off and retry.
import { CLOSE_CODE_TABLE } from '@bookstrack/generated/constants';

export type CloseCodeEntry = (typeof CLOSE_CODE_TABLE)[number];

export interface BackoffOptions {
  /** First retry delay; doubles per attempt (1 s, 2 s, 4 s... as the 1011 clientAction says). */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000 };

export type CloseDecision =
  | { action: 'stop'; entry: CloseCodeEntry | undefined }
  | {
      action: 'reconnect';
      entry: CloseCodeEntry | undefined;
      delayMs: number;
      /** 1008: the token was rejected; reconnect only with a different one. */
      isNewTokenNeeded: boolean;
      /** Ask GET /api/job-state first and stay closed when the job has ended (1001 `Job canceled`, 1011 `Job failed`). */
      isStateCheckNeeded: boolean;
    };

export function closeEntryFor(code: number): CloseCodeEntry | undefined {
  return CLOSE_CODE_TABLE.find((entry) => entry.code === code);
}

/** Delay before reconnect attempt number `attempt` (0-based). */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
}

export function decideClose(code: number, attempt: number, backoff: BackoffOptions = DEFAULT_BACKOFF): CloseDecision {
  const entry = closeEntryFor(code);
  const retry = (delayMs: number, isStateCheckNeeded: boolean, isNewTokenNeeded = false): CloseDecision => ({
    action: 'reconnect',
    entry,
    delayMs,
    isNewTokenNeeded,
    isStateCheckNeeded,
  });
  if (!entry) return retry(backoffDelayMs(attempt, backoff), false);
  switch (entry.reconnect) {
    case 'none':
      return { action: 'stop', entry };
    case 'after_delay':
      return retry('retryAfterMs' in entry ? entry.retryAfterMs : backoffDelayMs(attempt, backoff), true);
    case 'backoff':
      return retry(backoffDelayMs(attempt, backoff), true);
    case 'new_token':
      return retry(0, false, true);
  }
}
