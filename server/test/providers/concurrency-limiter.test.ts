import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../src/providers/concurrency-limiter';

describe('createConcurrencyLimiter', () => {
  it('runs at most the given number of tasks at once and all of them eventually', async () => {
    const limiter = createConcurrencyLimiter(3);
    let running = 0;
    let peak = 0;
    const task = async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return n * 2;
    };
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => limiter.run(() => task(n))));
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
    expect(limiter.active).toBe(0);
    expect(limiter.pending).toBe(0);
  });

  it('releases the slot of a task that throws', async () => {
    const limiter = createConcurrencyLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('rejects a limit below one', () => {
    expect(() => createConcurrencyLimiter(0)).toThrow(RangeError);
  });
});
