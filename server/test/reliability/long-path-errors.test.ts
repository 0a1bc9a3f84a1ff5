// 404 and 405 envelopes for very long paths must still be contract-valid: ApiError.message is at
// most 1000 characters (found by the HTTP contract fuzzer with 1,200-character path segments).
import { describe, expect, it } from 'vitest';
import { call, expectError } from '../helpers/http';

const LONG_SEGMENT = 'a'.repeat(1_200);

describe('error envelopes for very long paths', () => {
  it('answers 404 NOT_FOUND with a message within the contract for an unknown 1,200-character path', async () => {
    const envelope = await expectError(await call(`/api/${LONG_SEGMENT}/x`), 404, 'NOT_FOUND');
    expect(envelope.error.message.length).toBeLessThanOrEqual(1_000);
  });

  it('answers 405 METHOD_NOT_ALLOWED with a message within the contract for a long job id', async () => {
    const envelope = await expectError(
      await call(`/api/job-state/${LONG_SEGMENT}`, { method: 'PUT' }),
      405,
      'METHOD_NOT_ALLOWED',
    );
    expect(envelope.error.message.length).toBeLessThanOrEqual(1_000);
  });
});
