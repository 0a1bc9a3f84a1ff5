// The per-IP RateLimiter after its cleanup alarm: a client that returns after its window ended must
// get a fresh window, not a 500 (found by the WebSocket fuzzer: job starts failed a minute in).
import { RATE_LIMIT } from '@bookstrack/generated/constants';
import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import type { RateDecision } from '../../src/http/rate-limit-window';

function limiterFor(ip: string) {
  const bindings = env as unknown as Env;
  return bindings.RATE_LIMITER.get(bindings.RATE_LIMITER.idFromName(ip));
}

describe('RateLimiter cleanup alarm', () => {
  it('counts a new window for the same instance after the alarm cleared the old one', async () => {
    const limiter = limiterFor(`10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
    const first = (await limiter.hit(RATE_LIMIT.REQUESTS, RATE_LIMIT.WINDOW_SECONDS)) as unknown as RateDecision;
    expect(first).toMatchObject({ isAllowed: true, remaining: RATE_LIMIT.REQUESTS - 1 });
    expect(await runDurableObjectAlarm(limiter)).toBe(true);
    const afterCleanup = (await limiter.hit(RATE_LIMIT.REQUESTS, RATE_LIMIT.WINDOW_SECONDS)) as unknown as RateDecision;
    expect(afterCleanup).toMatchObject({ isAllowed: true, remaining: RATE_LIMIT.REQUESTS - 1 });
  });
});
