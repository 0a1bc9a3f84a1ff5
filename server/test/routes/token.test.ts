// refreshToken: validation, auth and the refresh-window rule (the 200 is walked in the e2e test,
// where the token lifetime is shortened so the window is open at once).
import { describe, expect, it } from 'vitest';
import { call, expectResponse, postJson, startCsvJob } from '../helpers/http';

describe('POST /api/token/refresh', () => {
  it('answers 409 CONFLICT while the token is outside its refresh window', async () => {
    const job = await startCsvJob('title\nDune\n');
    const body = await expectResponse(
      await postJson('/api/token/refresh', { jobId: job.jobId, oldToken: job.token }),
      'refreshToken',
      409,
    );
    expect(body.error.code).toBe('CONFLICT');
  });

  it("answers 401 AUTH_ERROR for a token that is not the job's", async () => {
    const job = await startCsvJob('title\nDune\n');
    const body = await expectResponse(
      await postJson('/api/token/refresh', { jobId: job.jobId, oldToken: crypto.randomUUID() }),
      'refreshToken',
      401,
    );
    expect(body.error.code).toBe('AUTH_ERROR');
  });

  it('answers 404 NOT_FOUND for an unknown job', async () => {
    const body = await expectResponse(
      await postJson('/api/token/refresh', { jobId: crypto.randomUUID(), oldToken: crypto.randomUUID() }),
      'refreshToken',
      404,
    );
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('answers 400 INVALID_REQUEST listing each bad field', async () => {
    const body = await expectResponse(
      await postJson('/api/token/refresh', { jobId: 'x', oldToken: '' }),
      'refreshToken',
      400,
    );
    expect(body.error.details?.issues?.map((issue) => issue.path).sort()).toEqual(['jobId', 'oldToken']);
  });

  it('answers 415 for a form-encoded body', async () => {
    const response = await call('/api/token/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'jobId=x',
    });
    expect((await expectResponse(response, 'refreshToken', 415)).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
