// Who joins a job's sockets, as a table: storm × token standing × connections × job status → the close.
import { CLOSE_CODES, CLOSE_REASONS, LIMITS } from '@bookstrack/generated/constants';
import type { JobStatus } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { decideAdmission, recordConnectAttempt, type ConnectAttempts } from '../../src/jobs/socket-admission';
import type { TokenStanding } from '../../src/jobs/tokens';

const FULL = LIMITS.WS_MAX_CONNECTIONS_PER_JOB;
const MAX_ATTEMPTS = LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW;
const WINDOW_MS = LIMITS.WS_CONNECT_ATTEMPT_WINDOW_SECONDS * 1000;
const T0 = 1_000_000;
const close = (code: number, reason: string, isReplay = false) => ({ kind: 'close', code, reason, isReplay });
const storm = close(CLOSE_CODES.TRY_AGAIN_LATER, CLOSE_REASONS.TRY_AGAIN_LATER);

describe('decideAdmission', () => {
  it.each<[boolean, TokenStanding, number, JobStatus | undefined, unknown]>([
    [false, 'current', 0, 'running', { kind: 'accept' }],
    [false, 'grace', FULL - 1, 'queued', { kind: 'accept' }],
    [false, 'expired', 0, 'running', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_EXPIRED)],
    [false, 'revoked', 0, 'running', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_REVOKED)],
    [false, 'invalid', 0, undefined, close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.INVALID_TOKEN)],
    [false, 'current', FULL, 'running', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOO_MANY_CONNECTIONS)],
    [false, 'current', 0, 'completed', close(CLOSE_CODES.NORMAL_CLOSURE, CLOSE_REASONS.JOB_COMPLETE, true)],
    [false, 'current', 0, 'failed', close(CLOSE_CODES.INTERNAL_ERROR, CLOSE_REASONS.JOB_FAILED, true)],
    [false, 'grace', 0, 'canceled', close(CLOSE_CODES.GOING_AWAY, CLOSE_REASONS.JOB_CANCELED, true)],
    [false, 'expired', FULL, 'completed', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_EXPIRED)],
    [true, 'current', 0, 'running', storm],
    [true, 'invalid', FULL, 'running', storm],
    [true, 'current', 0, 'completed', storm],
  ])('a storm %s, a %s token with %i open sockets on a %s job', (isStorm, standing, open, status, expected) => {
    expect(decideAdmission(standing, open, status, isStorm)).toEqual(expected);
  });
});

/** Records `count` attempts at the given times and returns each one's verdict plus the final record. */
function replay(times: number[], start: ConnectAttempts = []): { storms: boolean[]; attempts: ConnectAttempts } {
  let attempts = start;
  const storms = times.map((now) => {
    const recorded = recordConnectAttempt(attempts, now);
    attempts = recorded.attempts;
    return recorded.isStorm;
  });
  return { storms, attempts };
}

describe('recordConnectAttempt', () => {
  it('lets the limit of attempts through in one instant and refuses the next one', () => {
    const { storms } = replay(Array.from({ length: MAX_ATTEMPTS + 1 }, () => T0));
    expect(storms.filter((isStorm) => !isStorm)).toHaveLength(MAX_ATTEMPTS);
    expect(storms.at(-1)).toBe(true);
  });

  it('counts an attempt for the window after it, and not from the window length on', () => {
    const full = replay(Array.from({ length: MAX_ATTEMPTS }, () => T0)).attempts;
    expect(recordConnectAttempt(full, T0 + WINDOW_MS - 1).isStorm).toBe(true);
    expect(recordConnectAttempt(full, T0 + WINDOW_MS).isStorm).toBe(false);
  });

  it('keeps refusing a client that keeps hammering, since refused attempts count too', () => {
    const steadyHammer = Array.from({ length: 3 * MAX_ATTEMPTS }, (_, i) => T0 + i * (WINDOW_MS / MAX_ATTEMPTS / 2));
    const { storms } = replay(steadyHammer);
    expect(storms.slice(0, MAX_ATTEMPTS).every((isStorm) => !isStorm)).toBe(true);
    expect(storms.slice(MAX_ATTEMPTS).every((isStorm) => isStorm)).toBe(true);
  });

  it('never refuses clients that stay at the allowed rate', () => {
    const atTheLimit = Array.from({ length: 5 * MAX_ATTEMPTS }, (_, i) => T0 + i * (WINDOW_MS / MAX_ATTEMPTS));
    expect(replay(atTheLimit).storms.some((isStorm) => isStorm)).toBe(false);
  });

  it('remembers at most the limit of attempts', () => {
    const { attempts } = replay(Array.from({ length: 3 * MAX_ATTEMPTS }, (_, i) => T0 + i));
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(attempts.at(-1)).toBe(T0 + 3 * MAX_ATTEMPTS - 1);
  });
});
