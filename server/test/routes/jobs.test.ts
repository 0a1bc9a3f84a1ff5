// getJobState and cancelJob with the job token.
import { describe, expect, it } from 'vitest';
import {
  authorized,
  call,
  driveJobsByAlarms,
  expectResponse,
  generatedCsv,
  startCsvJob,
  waitUntilFinished,
} from '../helpers/http';

driveJobsByAlarms();

const OTHER_TOKEN = authorized('5b0e7c9a-3f0d-4d6e-9a61-2c8f1e4b7d30');

describe('GET /api/job-state/{jobId}', () => {
  it('returns the snapshot of a job that ran to completion', async () => {
    const job = await startCsvJob('title,author\nDune,Herbert\n,Nobody\n');
    await waitUntilFinished(job);
    const body = await expectResponse(
      await call(`/api/job-state/${job.jobId}`, authorized(job.token)),
      'getJobState',
      200,
    );
    expect(body.data).toMatchObject({
      jobId: job.jobId,
      pipeline: 'csv_import',
      status: 'completed',
      progress: 1,
      processedCount: 2,
      totalCount: 2,
      successCount: 1,
      failureCount: 1,
    });
  });

  it("answers 401 AUTH_ERROR without a token and with another job's token", async () => {
    const job = await startCsvJob('title\nDune\n');
    const other = await startCsvJob('title\nEmma\n');
    expect((await expectResponse(await call(`/api/job-state/${job.jobId}`), 'getJobState', 401)).error.code).toBe(
      'AUTH_ERROR',
    );
    const foreign = await call(`/api/job-state/${job.jobId}`, authorized(other.token));
    expect((await expectResponse(foreign, 'getJobState', 401)).error.code).toBe('AUTH_ERROR');
  });

  it('answers 401 for a malformed Authorization header', async () => {
    const job = await startCsvJob('title\nDune\n');
    const response = await call(`/api/job-state/${job.jobId}`, { headers: { Authorization: `Token ${job.token}` } });
    expect((await expectResponse(response, 'getJobState', 401)).error.message).toBe(
      'Send the job token as "Authorization: Bearer <token>"',
    );
  });

  it('answers 404 NOT_FOUND for an unknown job and 400 INVALID_REQUEST for a malformed id', async () => {
    expect(
      (await expectResponse(await call(`/api/job-state/${crypto.randomUUID()}`, OTHER_TOKEN), 'getJobState', 404)).error
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await expectResponse(await call('/api/job-state/bad%20id!', OTHER_TOKEN), 'getJobState', 400)).error.code,
    ).toBe('INVALID_REQUEST');
  });
});

describe('POST /api/jobs/{jobId}/cancel', () => {
  it('cancels a running job, idempotently, and the job ends canceled', async () => {
    const job = await startCsvJob(generatedCsv(20_000));
    const first = await expectResponse(
      await call(`/api/jobs/${job.jobId}/cancel`, { method: 'POST', ...authorized(job.token) }),
      'cancelJob',
      200,
    );
    expect(first.data).toEqual({ jobId: job.jobId, status: 'canceled' });
    const again = await expectResponse(
      await call(`/api/jobs/${job.jobId}/cancel`, { method: 'POST', ...authorized(job.token) }),
      'cancelJob',
      200,
    );
    expect(again.data).toEqual({ jobId: job.jobId, status: 'canceled' });
    expect(await waitUntilFinished(job)).toBe('canceled');
    const results = await expectResponse(
      await call(`/v1/csv/results/${job.jobId}`, authorized(job.token)),
      'getCsvResults',
      409,
    );
    expect(results.error.code).toBe('CONFLICT');
  });

  it('answers 409 CONFLICT for a job that already completed', async () => {
    const job = await startCsvJob('title\nDune\n');
    await waitUntilFinished(job);
    const body = await expectResponse(
      await call(`/api/jobs/${job.jobId}/cancel`, { method: 'POST', ...authorized(job.token) }),
      'cancelJob',
      409,
    );
    expect(body.error.code).toBe('CONFLICT');
  });

  it('answers 401 without a token, 404 for an unknown job, 400 for a malformed id', async () => {
    const job = await startCsvJob('title\nDune\n');
    expect(
      (await expectResponse(await call(`/api/jobs/${job.jobId}/cancel`, { method: 'POST' }), 'cancelJob', 401)).error
        .code,
    ).toBe('AUTH_ERROR');
    const unknown = await call(`/api/jobs/${crypto.randomUUID()}/cancel`, { method: 'POST', ...OTHER_TOKEN });
    expect((await expectResponse(unknown, 'cancelJob', 404)).error.code).toBe('NOT_FOUND');
    expect(
      (await expectResponse(await call('/api/jobs/x/cancel', { method: 'POST', ...OTHER_TOKEN }), 'cancelJob', 400))
        .error.code,
    ).toBe('INVALID_REQUEST');
  });
});
