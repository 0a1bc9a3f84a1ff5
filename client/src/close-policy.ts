// What to do after the socket closes, read from the generated x-close-codes table (CLOSE_CODE_TABLE):
// the table's `reconnect` field decides (or its `reasonReconnect` for the close's reason), and
// `retryAfterMs` plus a random share of `retryJitterMs` gives the delay. Codes outside the table (1005,
// our own 4000 drop) are treated as a transient loss: back off and retry.
import { CLOSE_CODE_TABLE } from '@bookstrack/generated/constants';

export type CloseCodeEntry = (typeof CLOSE_CODE_TABLE)[number];
export type ReconnectPolicy = CloseCodeEntry['reconnect'];

export interface BackoffOptions {
  /** First retry delay; doubles per attempt (1 s, 2 s, 4 s... as the 1011 clientAction says). */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000 };

export interface CloseOptions {
  /** The close reason: some reasons of a code have their own reaction (1008 `Too many connections`). */
  reason?: string;
  backoff?: BackoffOptions;
  /** Uniform in [0, 1); spreads a `retryJitterMs`. Defaults to Math.random. */
  random?: () => number;
}

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

/** The entry's reaction to `reason`: its `reasonReconnect` for that reason, else its `reconnect`. */
export function reconnectPolicyFor(entry: CloseCodeEntry, reason: string): ReconnectPolicy {
  const overrides: Readonly<Record<string, ReconnectPolicy>> = 'reasonReconnect' in entry ? entry.reasonReconnect : {};
  return overrides[reason] ?? entry.reconnect;
}

/** Delay before reconnect attempt number `attempt` (0-based). */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
}

/** The table's retry hint: `retryAfterMs`, plus a random share of `retryJitterMs` when it has one. */
export function retryDelayMs(entry: CloseCodeEntry, random: () => number = Math.random): number | undefined {
  if (!('retryAfterMs' in entry)) return undefined;
  const jitterMs = 'retryJitterMs' in entry ? Math.floor(random() * entry.retryJitterMs) : 0;
  return entry.retryAfterMs + jitterMs;
}

export function decideClose(code: number, attempt: number, options: CloseOptions = {}): CloseDecision {
  const { reason = '', backoff = DEFAULT_BACKOFF, random = Math.random } = options;
  const entry = closeEntryFor(code);
  const retry = (delayMs: number, isStateCheckNeeded: boolean, isNewTokenNeeded = false): CloseDecision => ({
    action: 'reconnect',
    entry,
    delayMs,
    isNewTokenNeeded,
    isStateCheckNeeded,
  });
  if (!entry) return retry(backoffDelayMs(attempt, backoff), false);
  switch (reconnectPolicyFor(entry, reason)) {
    case 'none':
      return { action: 'stop', entry };
    case 'after_delay':
      return retry(retryDelayMs(entry, random) ?? backoffDelayMs(attempt, backoff), true);
    case 'backoff':
      return retry(backoffDelayMs(attempt, backoff), true);
    case 'new_token':
      return retry(0, false, true);
  }
}
