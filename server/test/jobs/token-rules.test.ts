// The token lifecycle's effects as tables: connect, check, rotation, expiry, grace end.
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { ServerMessageSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { createJob, jobRulesFrom } from '../../src/jobs/job-machine';
import { TIMER_KIND } from '../../src/jobs/timers';
import { DEFAULT_TOKEN_POLICY as POLICY } from '../../src/jobs/token-policy';
import {
  graceEnd,
  onSocketConnected,
  onTokenIssued,
  onTokenRotated,
  tokenCheck,
  tokenExpiry,
} from '../../src/jobs/token-rules';
import { planIssue, planRotation } from '../../src/jobs/tokens';

const T0 = Date.UTC(2035, 0, 1, 10);
const MIN = 60_000;
const issued = planIssue('hash-a', T0, POLICY);

describe('token rules', () => {
  it.each([
    ['early in the token life: after the regular interval', 0, 15],
    ['5 min before the window opens: when it opens', 85, 90],
    ['inside the window: at once', 110, 110],
    ['after expiry: after the regular interval', 125, 140],
  ])('arms the check when a socket connects %s', (_, connectMin, checkMin) => {
    expect(onSocketConnected(issued, T0 + connectMin * MIN, POLICY)).toEqual([
      { kind: 'arm', timer: TIMER_KIND.TOKEN_CHECK, at: T0 + checkMin * MIN, isEarliest: true },
    ]);
  });

  it('arms the expiry of a newly issued token', () => {
    expect(onTokenIssued(issued)).toEqual([{ kind: 'arm', timer: TIMER_KIND.TOKEN_EXPIRY, at: T0 + 120 * MIN }]);
  });

  it.each([
    ['no socket connected', 0, T0 + 95 * MIN, false, 0],
    ['outside the refresh window', 1, T0 + 60 * MIN, false, 1],
    ['inside the refresh window', 2, T0 + 95 * MIN, true, 1],
    ['after expiry', 1, T0 + 121 * MIN, false, 1],
  ])('checks with %s: rotate %s', (_, sockets, now, shouldRotate, effects) => {
    const check = tokenCheck(issued, sockets as number, now as number, POLICY);
    expect(check.shouldRotate).toBe(shouldRotate);
    expect(check.effects).toHaveLength(effects as number);
    if ((effects as number) > 0)
      expect(check.effects[0]).toEqual({ kind: 'arm', timer: TIMER_KIND.TOKEN_CHECK, at: (now as number) + 15 * MIN });
  });

  it('on rotation pushes token_refreshed at the next seq and arms expiry and grace end', () => {
    const job = {
      ...createJob(
        { jobId: 'job-token-rules', pipeline: 'csv_import', totalCount: 1, itemCount: 1 },
        T0,
        jobRulesFrom(POLICY),
      ).job,
      seq: 4,
    };
    const now = T0 + 90 * MIN;
    const plan = planRotation(issued, 'hash-b', now, POLICY);
    const rotated = onTokenRotated(job, plan, '0b8f6c1e-2d4a-4f9b-8e3c-7a1d5f6e9b21', now);
    expect(rotated.job?.seq).toBe(5);
    expect(ServerMessageSchema.parse(rotated.message)).toMatchObject({
      type: 'token_refreshed',
      seq: 5,
      payload: { token: '0b8f6c1e-2d4a-4f9b-8e3c-7a1d5f6e9b21', expiresAt: new Date(now + 120 * MIN).toISOString() },
    });
    expect(rotated.effects.filter((e) => e.kind === 'arm')).toEqual([
      { kind: 'arm', timer: TIMER_KIND.TOKEN_EXPIRY, at: now + 120 * MIN },
      { kind: 'arm', timer: TIMER_KIND.GRACE_END, at: now + 5 * MIN, key: 'hash-a' },
    ]);
    expect(rotated.effects.at(-1)).toMatchObject({ kind: 'broadcast', isReadyOnly: false });
    expect(JSON.stringify(rotated.effects.filter((e) => e.kind === 'log'))).not.toContain(
      '0b8f6c1e-2d4a-4f9b-8e3c-7a1d5f6e9b21',
    );
  });

  it('closes every socket 1008 Token expired only once the current token has expired', () => {
    expect(tokenExpiry(issued, T0 + 119 * MIN)).toEqual([]);
    expect(tokenExpiry(issued, T0 + 120 * MIN).at(-1)).toEqual({
      kind: 'close_all',
      code: CLOSE_CODES.POLICY_VIOLATION,
      reason: CLOSE_REASONS.TOKEN_EXPIRED,
    });
    expect(tokenExpiry(undefined, T0).at(-1)).toMatchObject({ kind: 'close_all' });
  });

  it('remembers a revoked token until its revocation ends, then nothing more', () => {
    const previous = planRotation(issued, 'hash-b', T0, POLICY).previous;
    expect(graceEnd(previous).at(-1)).toEqual({
      kind: 'arm',
      timer: TIMER_KIND.REVOCATION_END,
      at: previous.forgetAt,
      key: 'hash-a',
    });
    expect(graceEnd(undefined)).toEqual([]);
    expect(graceEnd(issued)).toEqual([]);
  });
});
