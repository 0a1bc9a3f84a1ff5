import { describe, expect, it } from 'vitest';
import { diffCloseCodes } from './close-codes-diff';

const codes = () => [
  {
    code: 1000,
    name: 'normalClosure',
    when: 'Job finished.',
    clientAction: 'Stop.',
    reconnect: 'none',
    reasons: ['Job complete'],
  },
  {
    code: 1008,
    name: 'policyViolation',
    when: 'Auth failed.',
    clientAction: 'Get a new token.',
    reconnect: 'new_token',
    reasons: ['Token expired', 'Invalid token'],
  },
  {
    code: 1013,
    name: 'tryAgainLater',
    when: 'Busy.',
    clientAction: 'Retry.',
    reconnect: 'after_delay',
    retryAfterMs: 30000,
    reasons: ['Try again later'],
  },
];

const reported = (after: unknown) =>
  diffCloseCodes(codes(), after, 'channel progress').map((change) => `${change.location}: ${change.message}`);

describe('diffCloseCodes', () => {
  it('finds nothing when only prose changes and a code is added', () => {
    const after = codes();
    after[0]!.when = 'The job reached a terminal state.';
    after.push({ code: 4001, name: 'custom', when: 'x', clientAction: 'y', reconnect: 'none', reasons: ['Custom'] });
    expect(reported(after)).toEqual([]);
  });

  it('reports a removed close code', () => {
    expect(reported(codes().filter((entry) => entry.code !== 1013))).toEqual([
      'channel progress close code 1013: close code 1013 (tryAgainLater) removed',
    ]);
  });

  it('reports a changed name, reconnect policy and retry delay', () => {
    const after = codes();
    after[2]!.name = 'busy';
    after[2]!.reconnect = 'backoff';
    after[2]!.retryAfterMs = 5000;
    expect(reported(after)).toEqual([
      'channel progress close code 1013: name changed from "tryAgainLater" to "busy"',
      'channel progress close code 1013: reconnect changed from "after_delay" to "backoff"',
      'channel progress close code 1013: retryAfterMs changed from 30000 to 5000',
    ]);
  });

  it('reports a removed or reworded reason string, which clients match exactly', () => {
    const after = codes();
    after[1]!.reasons = ['Token has expired', 'Invalid token'];
    expect(reported(after)).toEqual(['channel progress close code 1008: reason "Token expired" removed']);
  });
});
