// Who may join a job's socket stream, and how a refused or late socket is closed: a reconnect storm,
// the token's standing, the connection limit and the job's status decide (the channel's close codes).
import { CLOSE_CODES, CLOSE_REASONS, LIMITS } from '@bookstrack/generated/constants';
import type { JobStatus } from '@bookstrack/generated/schemas';
import { isTerminal } from './job-state';
import { isAccepted, type TokenStanding } from './tokens';

export type Admission =
  | { kind: 'accept' }
  /** Complete the handshake, send the stored final frame when `isReplay`, then close. */
  | { kind: 'close'; code: number; reason: string; isReplay: boolean };

/** The close a socket of a finished job gets: the job's own end. */
export function finalCloseFor(status: JobStatus): { code: number; reason: string } {
  if (status === 'completed') return { code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE };
  if (status === 'failed') return { code: CLOSE_CODES.INTERNAL_ERROR, reason: CLOSE_REASONS.JOB_FAILED };
  return { code: CLOSE_CODES.GOING_AWAY, reason: CLOSE_REASONS.JOB_CANCELED };
}

const TOKEN_CLOSE_REASON = {
  expired: CLOSE_REASONS.TOKEN_EXPIRED,
  revoked: CLOSE_REASONS.TOKEN_REVOKED,
  invalid: CLOSE_REASONS.INVALID_TOKEN,
} as const;

/** The close reason for a token that may not be used. */
export function closeReasonFor(standing: 'expired' | 'revoked' | 'invalid'): string {
  return TOKEN_CLOSE_REASON[standing];
}

const CONNECT_ATTEMPT_WINDOW_MS = LIMITS.WS_CONNECT_ATTEMPT_WINDOW_SECONDS * 1000;

/** Times (epoch ms) of a job's most recent connection attempts, oldest first; at most the limit of them. */
export type ConnectAttempts = readonly number[];

/**
 * Counts one connection attempt at `now`: it is part of a reconnect storm when the job already had
 * the limit of attempts in the window before it. Refused attempts count too, so a client that keeps
 * hammering stays refused until it pauses for a whole window.
 */
export function recordConnectAttempt(attempts: ConnectAttempts, now: number): { attempts: number[]; isStorm: boolean } {
  const recent = attempts.filter((at) => now - at < CONNECT_ATTEMPT_WINDOW_MS);
  const isStorm = recent.length >= LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW;
  return { attempts: [...recent, now].slice(-LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW), isStorm };
}

export function decideAdmission(
  standing: TokenStanding,
  openSockets: number,
  status: JobStatus | undefined,
  isStorm: boolean,
): Admission {
  if (isStorm) {
    return { kind: 'close', code: CLOSE_CODES.TRY_AGAIN_LATER, reason: CLOSE_REASONS.TRY_AGAIN_LATER, isReplay: false };
  }
  if (!isAccepted(standing)) {
    const reason = closeReasonFor(standing as keyof typeof TOKEN_CLOSE_REASON);
    return { kind: 'close', code: CLOSE_CODES.POLICY_VIOLATION, reason, isReplay: false };
  }
  if (openSockets >= LIMITS.WS_MAX_CONNECTIONS_PER_JOB) {
    return {
      kind: 'close',
      code: CLOSE_CODES.POLICY_VIOLATION,
      reason: CLOSE_REASONS.TOO_MANY_CONNECTIONS,
      isReplay: false,
    };
  }
  if (status !== undefined && isTerminal(status)) return { kind: 'close', ...finalCloseFor(status), isReplay: true };
  return { kind: 'accept' };
}
