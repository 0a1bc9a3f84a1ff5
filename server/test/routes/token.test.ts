// refreshToken: validation, auth, the refresh-window rule, and what a replaced token gets during its
// grace period (a manual clock walks the token's life; the e2e test walks it with a short lifetime).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN, T0, restoreClock, setClock, useClock } from '../helpers/durable';
import { authorized, call, expectResponse, postJson, startCsvJob, type StartedCsvJob } from '../helpers/http';

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

describe('POST /api/token/refresh with the token a refresh replaced (its grace period)', () => {
  beforeEach(() => {
    useClock();
  });
  afterEach(() => restoreClock());

  async function refresh(jobId: string, oldToken: string): Promise<Response> {
    return postJson('/api/token/refresh', { jobId, oldToken });
  }

  async function rotateAt(minutes: number): Promise<{ job: StartedCsvJob; token: string; expiresAt: string }> {
    const job = await startCsvJob('title\nDune\n');
    setClock(T0 + minutes * MIN);
    const body = await expectResponse(await refresh(job.jobId, job.token), 'refreshToken', 200);
    return { job, token: body.data.token, expiresAt: body.data.expiresAt };
  }

  it('answers the current token, without a second rotation and whatever its window, until the grace ends', async () => {
    const rotated = await rotateAt(95);
    setClock(T0 + 99 * MIN);
    const again = await expectResponse(await refresh(rotated.job.jobId, rotated.job.token), 'refreshToken', 200);
    expect(again.data).toEqual({
      jobId: rotated.job.jobId,
      token: rotated.token,
      expiresAt: rotated.expiresAt,
      expiresIn: 116 * 60,
    });
    const state = await call(`/api/job-state/${rotated.job.jobId}`, authorized(rotated.job.token));
    expect((await expectResponse(state, 'getJobState', 200)).data.jobId).toBe(rotated.job.jobId);
  });

  it('answers 401 AUTH_ERROR Token revoked once the grace has ended (5 min after the refresh)', async () => {
    const rotated = await rotateAt(95);
    setClock(T0 + 100 * MIN);
    const body = await expectResponse(await refresh(rotated.job.jobId, rotated.job.token), 'refreshToken', 401);
    expect(body.error).toEqual({ code: 'AUTH_ERROR', message: 'Token revoked' });
  });

  it('answers 401 TOKEN_EXPIRED inside the grace once the replaced token has passed its own expiresAt', async () => {
    const rotated = await rotateAt(118);
    setClock(T0 + 121 * MIN);
    const body = await expectResponse(await refresh(rotated.job.jobId, rotated.job.token), 'refreshToken', 401);
    expect(body.error).toEqual({ code: 'TOKEN_EXPIRED', message: 'Token expired' });
  });
});
