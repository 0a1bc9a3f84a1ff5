// Every 401 carries the Bearer challenge RFC 9110 asks for (WWW-Authenticate), with the RFC 6750
// error for an expired token, on every operation that takes the job token.
import { describe, expect, it } from 'vitest';
import { call, expectResponse, postJson, startCsvJob } from '../helpers/http';

const CHALLENGE = 'Bearer realm="bookstrack"';

describe('401 challenges', () => {
  it.each([
    ['getJobState', (id: string) => call(`/api/job-state/${id}`)],
    ['cancelJob', (id: string) => call(`/api/jobs/${id}/cancel`, { method: 'POST' })],
    ['getCsvResults', (id: string) => call(`/v1/csv/results/${id}`)],
  ] as const)('%s without a token answers 401 with the Bearer challenge', async (operationId, send) => {
    const response = await send(crypto.randomUUID());
    expect(response.headers.get('WWW-Authenticate')).toBe(CHALLENGE);
    expect((await expectResponse(response, operationId, 401)).error.code).toBe('AUTH_ERROR');
  });

  it('challenges a refresh with an unknown token the same way', async () => {
    const job = await startCsvJob('title\nDune\n');
    const response = await postJson('/api/token/refresh', { jobId: job.jobId, oldToken: crypto.randomUUID() });
    expect(response.headers.get('WWW-Authenticate')).toBe(CHALLENGE);
    expect((await expectResponse(response, 'refreshToken', 401)).error.code).toBe('AUTH_ERROR');
  });
});
