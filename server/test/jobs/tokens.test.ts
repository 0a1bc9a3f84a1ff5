import { describe, expect, it } from 'vitest';
import type { TokenPolicy } from '../../src/jobs/token-policy';
import {
  classifyToken,
  decideHttpRefresh,
  isAccepted,
  isInRefreshWindow,
  planIssue,
  planRotation,
  shouldAutoRefresh,
  type TokenRecord,
} from '../../src/jobs/tokens';

const MIN = 60_000;
const T0 = Date.UTC(2035, 0, 1, 10);
// The spec's defaults, written out so the rules are checked against the brief's numbers.
const POLICY: TokenPolicy = {
  lifetimeMs: 120 * MIN,
  checkIntervalMs: 15 * MIN,
  refreshWindowMs: 30 * MIN,
  refreshedLifetimeMs: 120 * MIN,
  graceMs: 5 * MIN,
  revocationMs: 150 * MIN,
  resultsRetentionMs: 24 * 60 * MIN,
  finishedLifetimeMs: 24 * 60 * MIN,
};

const issued = planIssue('a'.repeat(64), T0, POLICY);

describe('classifyToken', () => {
  it('accepts the current token until its expiry, then calls it expired', () => {
    expect(classifyToken(issued, T0 + 119 * MIN)).toBe('current');
    expect(classifyToken(issued, T0 + 120 * MIN)).toBe('expired');
  });

  it('calls an unknown token invalid', () => {
    expect(classifyToken(undefined, T0)).toBe('invalid');
  });

  it('graces a rotated token for 5 minutes, then calls it revoked until the revocation is forgotten', () => {
    const { previous } = planRotation(issued, 'b'.repeat(64), T0 + 90 * MIN, POLICY);
    expect(classifyToken(previous, T0 + 92 * MIN)).toBe('grace');
    expect(classifyToken(previous, T0 + 95 * MIN)).toBe('revoked');
    expect(classifyToken(previous, T0 + 95 * MIN + 150 * MIN - 1)).toBe('revoked');
    expect(classifyToken(previous, T0 + 95 * MIN + 150 * MIN)).toBe('invalid');
  });

  it('accepts current and graced tokens only', () => {
    expect(['current', 'grace', 'expired', 'revoked', 'invalid'].filter((s) => isAccepted(s as never))).toEqual([
      'current',
      'grace',
    ]);
  });
});

describe('refresh window', () => {
  it('opens 30 minutes before expiry, inclusive', () => {
    expect(isInRefreshWindow(issued, T0 + 90 * MIN - 1, POLICY)).toBe(false);
    expect(isInRefreshWindow(issued, T0 + 90 * MIN, POLICY)).toBe(true);
    expect(isInRefreshWindow(issued, T0 + 120 * MIN, POLICY)).toBe(false);
  });

  it('auto-refreshes only while a socket is connected', () => {
    expect(shouldAutoRefresh(issued, T0 + 100 * MIN, POLICY, 1)).toBe(true);
    expect(shouldAutoRefresh(issued, T0 + 100 * MIN, POLICY, 0)).toBe(false);
  });
});

describe('planRotation', () => {
  it('gives the new token 2 hours from the refresh and the old one 5 minutes of grace', () => {
    const now = T0 + 90 * MIN;
    const plan = planRotation(issued, 'b'.repeat(64), now, POLICY);
    expect(plan.next).toEqual({ hash: 'b'.repeat(64), role: 'current', expiresAt: now + 120 * MIN });
    expect(plan.previous).toEqual({
      hash: issued.hash,
      role: 'previous',
      expiresAt: issued.expiresAt,
      graceEndsAt: now + 5 * MIN,
      forgetAt: now + 5 * MIN + 150 * MIN,
    });
  });
});

describe('decideHttpRefresh', () => {
  it('rotates the current token inside the window', () => {
    expect(decideHttpRefresh(issued, issued, T0 + 95 * MIN, POLICY)).toEqual({ action: 'rotate' });
  });

  it('rejects the current token outside the window and says when it opens', () => {
    expect(decideHttpRefresh(issued, issued, T0 + 10 * MIN, POLICY)).toEqual({
      action: 'reject',
      reason: 'outside_window',
      windowOpensAt: T0 + 90 * MIN,
    });
  });

  it('rejects expired, revoked and unknown tokens', () => {
    const { previous, next } = planRotation(issued, 'b'.repeat(64), T0 + 90 * MIN, POLICY);
    expect(decideHttpRefresh(issued, issued, T0 + 121 * MIN, POLICY)).toEqual({ action: 'reject', reason: 'expired' });
    expect(decideHttpRefresh(previous, next, T0 + 96 * MIN, POLICY)).toEqual({ action: 'reject', reason: 'revoked' });
    expect(decideHttpRefresh(undefined, next, T0, POLICY)).toEqual({ action: 'reject', reason: 'invalid' });
  });

  it('returns the current token to a caller holding the graced token', () => {
    const { previous, next } = planRotation(issued, 'b'.repeat(64), T0 + 90 * MIN, POLICY);
    expect(decideHttpRefresh(previous, next, T0 + 91 * MIN, POLICY)).toEqual({ action: 'return_current' });
  });
});
