// Constant-time token comparison: a presented token is hashed once and compared with every stored
// hash by crypto.subtle.timingSafeEqual, with no early exit, so timing says nothing about which
// (or whether a) token matched. Wall-clock timing tests are too noisy to prove this; the call
// pattern is not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findMatchingHash, hashToken } from '../../src/jobs/token-crypto';

afterEach(() => vi.restoreAllMocks());

describe('token comparison', () => {
  it('compares with every stored hash through timingSafeEqual, whether the match comes first, last or never', async () => {
    const hashes = await Promise.all(['first', 'middle', 'last'].map(hashToken));
    const compare = vi.spyOn(crypto.subtle, 'timingSafeEqual');
    for (const presented of ['first', 'last', 'nobody']) {
      compare.mockClear();
      await findMatchingHash(presented, hashes);
      expect([presented, compare.mock.calls.length]).toEqual([presented, hashes.length]);
      expect(
        compare.mock.calls.every(
          ([a, b]) => (a as ArrayBuffer).byteLength === 32 && (b as ArrayBuffer).byteLength === 32,
        ),
      ).toBe(true);
    }
  });
});
