// The fixed-window rule, with the clock passed in.
import { describe, expect, it } from 'vitest';
import { decideHit, isCheckpoint } from '../../src/http/rate-limit-window';

const WINDOW_MS = 60_000;

describe('decideHit', () => {
  it('opens a window on the first hit and counts it', () => {
    expect(decideHit(undefined, 1_000, 10, WINDOW_MS)).toEqual({
      isAllowed: true,
      limit: 10,
      remaining: 9,
      resetSeconds: 60,
      state: { startedAt: 1_000, count: 1 },
    });
  });

  it('refuses the hit after the limit and reports the seconds left in the window', () => {
    const decision = decideHit({ startedAt: 0, count: 10 }, 23_500, 10, WINDOW_MS);
    expect(decision).toEqual({
      isAllowed: false,
      limit: 10,
      remaining: 0,
      resetSeconds: 37,
      state: { startedAt: 0, count: 10 },
    });
  });

  it('starts a new window once the previous one has ended', () => {
    expect(decideHit({ startedAt: 0, count: 10 }, 60_000, 10, WINDOW_MS)).toMatchObject({
      isAllowed: true,
      remaining: 9,
      state: { startedAt: 60_000, count: 1 },
    });
  });

  it('lets the limit-th hit through with nothing remaining', () => {
    expect(decideHit({ startedAt: 0, count: 9 }, 1, 10, WINDOW_MS)).toMatchObject({ isAllowed: true, remaining: 0 });
  });
});

describe('isCheckpoint', () => {
  it('stores the window when it opens', () => {
    expect(isCheckpoint(undefined, decideHit(undefined, 1_000, 10, WINDOW_MS))).toBe(true);
    const expired = { startedAt: 0, count: 4 };
    expect(isCheckpoint(expired, decideHit(expired, 60_000, 10, WINDOW_MS))).toBe(true);
  });

  it('skips the hits between the opening and the limit', () => {
    const open = { startedAt: 0, count: 1 };
    expect(isCheckpoint(open, decideHit(open, 5_000, 10, WINDOW_MS))).toBe(false);
    const eight = { startedAt: 0, count: 8 };
    expect(isCheckpoint(eight, decideHit(eight, 5_000, 10, WINDOW_MS))).toBe(false);
  });

  it('stores the hit that reaches the limit, and nothing for a refused hit', () => {
    const nine = { startedAt: 0, count: 9 };
    expect(isCheckpoint(nine, decideHit(nine, 5_000, 10, WINDOW_MS))).toBe(true);
    const full = { startedAt: 0, count: 10 };
    expect(isCheckpoint(full, decideHit(full, 5_000, 10, WINDOW_MS))).toBe(false);
  });
});
