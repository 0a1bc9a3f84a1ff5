// Property: a connected socket is never closed `Token expired`, whatever the moment it connects in
// its token's life, under the default policy and under policies with odd interval/window ratios.
// A pure model of the Durable Object's timers drives the real rules (no runtime, no clock).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobEffect } from '../../src/jobs/job-effects';
import { TIMER_KIND } from '../../src/jobs/timers';
import { DEFAULT_TOKEN_POLICY, type TokenPolicy } from '../../src/jobs/token-policy';
import { onSocketConnected, tokenCheck, tokenExpiry } from '../../src/jobs/token-rules';
import { planIssue, planRotation, type TokenRecord } from '../../src/jobs/tokens';

const T0 = Date.UTC(2035, 0, 1, 10);
const MIN = 60_000;
const HORIZON_MS = 10 * 60 * MIN;

interface Model {
  current: TokenRecord;
  checkAt: number | null;
  expiryAt: number;
  closedExpired: boolean;
  rotations: number;
  /** Two rotations at one instant would be a rotation loop. */
  hasRotatedTwiceAtOnce: boolean;
  lastRotationAt: number;
}

function armCheck(model: Model, effects: readonly JobEffect[]): void {
  for (const effect of effects) {
    if (effect.kind !== 'arm' || effect.timer !== TIMER_KIND.TOKEN_CHECK) continue;
    model.checkAt = effect.isEarliest && model.checkAt !== null ? Math.min(model.checkAt, effect.at) : effect.at;
  }
}

/** Runs the token timers from `connectAt` to the horizon with one socket connected throughout. */
function runTimeline(policy: TokenPolicy, connectAt: number, pendingCheckAt: number | null): Model {
  const current = planIssue('hash-0', T0, policy);
  const model: Model = {
    current,
    checkAt: pendingCheckAt,
    expiryAt: current.expiresAt,
    closedExpired: false,
    rotations: 0,
    hasRotatedTwiceAtOnce: false,
    lastRotationAt: -1,
  };
  armCheck(model, onSocketConnected(model.current, connectAt, policy));
  for (let steps = 0; steps < 10_000; steps += 1) {
    const next = Math.min(model.checkAt ?? Infinity, model.expiryAt);
    if (next > T0 + HORIZON_MS || model.closedExpired) break;
    const now = Math.max(next, connectAt);
    if (model.expiryAt <= model.checkAt! || model.checkAt === null) {
      if (tokenExpiry(model.current, now).some((e) => e.kind === 'close_all')) model.closedExpired = true;
      model.expiryAt = Infinity;
      continue;
    }
    const check = tokenCheck(model.current, 1, now, policy);
    if (check.shouldRotate) {
      const plan = planRotation(model.current, `hash-${model.rotations + 1}`, now, policy);
      model.current = plan.next;
      model.expiryAt = plan.next.expiresAt;
      model.rotations += 1;
      if (now === model.lastRotationAt) model.hasRotatedTwiceAtOnce = true;
      model.lastRotationAt = now;
    }
    model.checkAt = null;
    armCheck(model, check.effects);
  }
  return model;
}

const policies = fc.record({
  lifetimeMin: fc.integer({ min: 30, max: 240 }),
  windowPct: fc.integer({ min: 5, max: 150 }),
  intervalMin: fc.integer({ min: 1, max: 120 }),
});

describe('token timeline', () => {
  it('never closes a connected socket Token expired, whenever it connects during the token life', () => {
    fc.assert(
      fc.property(
        policies,
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 240 * MIN })),
        ({ lifetimeMin, windowPct, intervalMin }, connectFraction, pendingOffset) => {
          const lifetimeMs = lifetimeMin * MIN;
          const policy: TokenPolicy = {
            ...DEFAULT_TOKEN_POLICY,
            lifetimeMs,
            refreshedLifetimeMs: lifetimeMs,
            // Up to 150 % of the lifetime: a window as long as the token (the e2e policies) must not loop.
            refreshWindowMs: Math.max(MIN, Math.round((lifetimeMs * windowPct) / 100)),
            checkIntervalMs: intervalMin * MIN,
          };
          const connectAt = T0 + Math.floor(connectFraction * lifetimeMs);
          const pending = pendingOffset === null ? null : connectAt + pendingOffset;
          const model = runTimeline(policy, connectAt, pending);
          expect(model.closedExpired).toBe(false);
          expect(model.hasRotatedTwiceAtOnce).toBe(false);
          expect(model.rotations).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2_000, seed: 20261201 },
    );
  });

  it('refreshes at the window under the default policy, for a socket that connects at any minute', () => {
    for (let minute = 0; minute < 120; minute += 1) {
      const model = runTimeline(DEFAULT_TOKEN_POLICY, T0 + minute * MIN, null);
      expect(model.closedExpired, `connect at minute ${minute}`).toBe(false);
    }
  });
});
