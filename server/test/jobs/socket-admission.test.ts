// Who joins a job's sockets, as a table: token standing × connections × job status → the close.
import { CLOSE_CODES, CLOSE_REASONS, LIMITS } from '@bookstrack/generated/constants';
import type { JobStatus } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { decideAdmission } from '../../src/jobs/socket-admission';
import type { TokenStanding } from '../../src/jobs/tokens';

const FULL = LIMITS.WS_MAX_CONNECTIONS_PER_JOB;
const close = (code: number, reason: string, isReplay = false) => ({ kind: 'close', code, reason, isReplay });

describe('decideAdmission', () => {
  it.each<[TokenStanding, number, JobStatus | undefined, unknown]>([
    ['current', 0, 'running', { kind: 'accept' }],
    ['grace', FULL - 1, 'queued', { kind: 'accept' }],
    ['expired', 0, 'running', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_EXPIRED)],
    ['revoked', 0, 'running', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_REVOKED)],
    ['invalid', 0, undefined, close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.INVALID_TOKEN)],
    ['current', FULL, 'running', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOO_MANY_CONNECTIONS)],
    ['current', 0, 'completed', close(CLOSE_CODES.NORMAL_CLOSURE, CLOSE_REASONS.JOB_COMPLETE, true)],
    ['current', 0, 'failed', close(CLOSE_CODES.INTERNAL_ERROR, CLOSE_REASONS.JOB_FAILED, true)],
    ['grace', 0, 'canceled', close(CLOSE_CODES.GOING_AWAY, CLOSE_REASONS.JOB_CANCELED, true)],
    ['expired', FULL, 'completed', close(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_EXPIRED)],
  ])('a %s token with %i open sockets on a %s job', (standing, open, status, expected) => {
    expect(decideAdmission(standing, open, status)).toEqual(expected);
  });
});
