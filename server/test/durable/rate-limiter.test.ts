// The per-IP RateLimiter's storage: it counts in memory, stores the window only when it opens and
// when it reaches the limit, and sets its cleanup alarm once per window instead of on every hit.
import { env, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../src/durable/rate-limiter';
import type { Env } from '../../src/env';
import type { RateDecision } from '../../src/http/rate-limit-window';
import { MIN, T0, restoreClock, setClock, useClock } from '../helpers/durable';

const LIMIT = 10;
const WINDOW_SECONDS = 60;

beforeEach(() => useClock());
afterEach(() => restoreClock());

/** An IP no other test file uses (storage may be shared between files). */
function freshIp(): string {
  const byte = () => Math.floor(Math.random() * 250);
  return `10.71.${byte()}.${byte()}`;
}

function limiterFor(ip: string): DurableObjectStub<RateLimiter> {
  const bindings = env as unknown as Env;
  return bindings.RATE_LIMITER.get(bindings.RATE_LIMITER.idFromName(ip)) as DurableObjectStub<RateLimiter>;
}

async function hits(limiter: DurableObjectStub<RateLimiter>, count: number): Promise<RateDecision[]> {
  const decisions: RateDecision[] = [];
  for (let i = 0; i < count; i++) decisions.push((await limiter.hit(LIMIT, WINDOW_SECONDS)) as unknown as RateDecision);
  return decisions;
}

async function storedCount(limiter: DurableObjectStub<RateLimiter>): Promise<number | undefined> {
  return runInDurableObject(limiter, (_, state) => {
    const row = state.storage.sql.exec<{ count: number }>('SELECT count FROM rate_window').toArray()[0];
    return row === undefined ? undefined : Number(row.count);
  });
}

describe('RateLimiter storage', () => {
  it('stores the window when it opens and when it reaches the limit, not on the hits between', async () => {
    const limiter = limiterFor(freshIp());
    expect((await hits(limiter, 3)).map((d) => d.remaining)).toEqual([9, 8, 7]);
    expect(await storedCount(limiter)).toBe(1);
    expect((await hits(limiter, LIMIT - 3)).at(-1)).toMatchObject({ isAllowed: true, remaining: 0 });
    expect(await storedCount(limiter)).toBe(LIMIT);
    expect((await hits(limiter, 1))[0]).toMatchObject({ isAllowed: false, remaining: 0 });
  });

  it('sets its cleanup alarm once per window, at the end of the window', async () => {
    const limiter = limiterFor(freshIp());
    const setAlarms = await runInDurableObject(limiter, async (instance, state) => {
      const calls: number[] = [];
      const setAlarm = state.storage.setAlarm.bind(state.storage);
      state.storage.setAlarm = (at, options) => {
        calls.push(Number(at));
        return setAlarm(at, options);
      };
      try {
        for (let i = 0; i < 5; i++) await instance.hit(LIMIT, WINDOW_SECONDS);
        setClock(T0 + 2 * MIN);
        for (let i = 0; i < 3; i++) await instance.hit(LIMIT, WINDOW_SECONDS);
      } finally {
        state.storage.setAlarm = setAlarm;
      }
      return calls;
    });
    expect(setAlarms).toEqual([T0 + MIN, T0 + 3 * MIN]);
  });

  it('opens a fresh window once the old one has ended', async () => {
    const limiter = limiterFor(freshIp());
    await hits(limiter, LIMIT + 1);
    setClock(T0 + MIN);
    expect((await hits(limiter, 1))[0]).toMatchObject({ isAllowed: true, remaining: LIMIT - 1, resetSeconds: 60 });
    expect(await storedCount(limiter)).toBe(1);
  });
});
