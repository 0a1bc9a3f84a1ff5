import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overridePipelineForTests } from '../../src/jobs/pipeline-registry';
import {
  fireNextAlarm,
  installTestPipeline,
  newJobId,
  removeTestPipeline,
  startJob,
  stubFor,
  timerKinds,
  titles,
  useClock,
  restoreClock,
} from '../helpers/durable';
import { connect, connectReady } from '../helpers/websocket';

beforeEach(() => useClock());
afterEach(() => {
  removeTestPipeline();
  restoreClock();
});

const canceledClose = { code: CLOSE_CODES.GOING_AWAY, reason: CLOSE_REASONS.JOB_CANCELED };

describe('cancel', () => {
  // provokes: 1001 Job canceled
  it('closes every socket 1001 Job canceled when a client sends cancel, and runs no more steps', async () => {
    installTestPipeline({ stepSize: 1 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(5));
    const a = await connectReady(jobId, job.token);
    const b = await connectReady(jobId, job.token);
    await fireNextAlarm(jobId);
    a.send({ type: 'cancel' });
    expect(await a.waitClosed()).toEqual({ code: CLOSE_CODES.GOING_AWAY, reason: CLOSE_REASONS.JOB_CANCELED });
    expect(await b.waitClosed()).toEqual(canceledClose);
    expect(await timerKinds(jobId)).toEqual(['cleanup', 'token_check', 'token_expiry']);
    const state = await stubFor(jobId).getState(job.token);
    expect(state).toMatchObject({ ok: true, value: { status: 'canceled', processedCount: 1 } });
  });

  it('is idempotent over RPC and refuses a completed job', async () => {
    installTestPipeline({ stepSize: 5 });
    const stub = stubFor(newJobId());
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    expect(await stubFor(jobId).cancel(job.token)).toEqual({ ok: true, value: { jobId, status: 'canceled' } });
    expect(await stubFor(jobId).cancel(job.token)).toEqual({ ok: true, value: { jobId, status: 'canceled' } });
    expect(await stub.cancel(job.token)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const otherId = newJobId();
    const other = await startJob(otherId, titles(2));
    await fireNextAlarm(otherId);
    expect(await stubFor(otherId).cancel(other.token)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await stubFor(jobId).cancel(crypto.randomUUID())).toMatchObject({ ok: false, code: 'AUTH_ERROR' });
  });

  it('stops a step in flight: the step commits nothing', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => undefined;
    const inStep = new Promise<void>((resolve) => (entered = resolve));
    installTestPipeline({
      stepSize: 2,
      onStep: async () => {
        entered();
        await gate;
      },
    });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(4));
    const stepping = fireNextAlarm(jobId);
    await inStep;
    expect(await stubFor(jobId).cancel(job.token)).toEqual({ ok: true, value: { jobId, status: 'canceled' } });
    release();
    await stepping;
    const state = await stubFor(jobId).getState(job.token);
    expect(state).toMatchObject({ ok: true, value: { status: 'canceled', processedCount: 0, successCount: 0 } });
    expect(await timerKinds(jobId)).not.toContain('job_step');
  });

  it('closes a socket joining a canceled job with 1001', async () => {
    installTestPipeline();
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    await stubFor(jobId).cancel(job.token);
    const late = await connect(jobId, job.token);
    expect(await late.waitClosed()).toEqual(canceledClose);
  });
});

describe('pipeline failure', () => {
  // provokes: 1011 Job failed
  it('fails the job: an error frame, then close 1011 Job failed', async () => {
    installTestPipeline({ stepSize: 1, throwOn: 'Book 2' });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(3));
    const socket = await connectReady(jobId, job.token);
    await fireNextAlarm(jobId);
    await fireNextAlarm(jobId);
    expect(await socket.waitClosed()).toEqual({ code: CLOSE_CODES.INTERNAL_ERROR, reason: CLOSE_REASONS.JOB_FAILED });
    const error = await socket.waitFor('error');
    expect(error.payload).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'The batch_enrichment job failed: provider exploded',
      retryable: false,
    });
    const state = await stubFor(jobId).getState(job.token);
    expect(state).toMatchObject({ ok: true, value: { status: 'failed', processedCount: 1 } });
    expect(await stubFor(jobId).getResults(job.token, 'batch_enrichment')).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    const late = await connect(jobId, job.token);
    expect(await late.waitClosed()).toEqual({ code: CLOSE_CODES.INTERNAL_ERROR, reason: CLOSE_REASONS.JOB_FAILED });
    expect(late.types()).toEqual(['error']);
  });

  it('refuses to start a pipeline that is not registered', async () => {
    overridePipelineForTests('ai_scan', null);
    const jobId = newJobId();
    const result = await stubFor(jobId).startJob({
      jobId,
      input: { pipeline: 'ai_scan', images: [{ index: 0, data: 'AAAA' }] },
    });
    overridePipelineForTests('ai_scan', undefined);
    expect(result).toMatchObject({
      ok: false,
      code: 'INTERNAL_ERROR',
      message: 'The ai_scan pipeline is not available',
    });
  });

  it('answers a planning error with INVALID_REQUEST unless the error carries a contract code', async () => {
    const pipeline = installTestPipeline();
    const jobId = newJobId();
    pipeline.plan = () => {
      throw new Error('no header row');
    };
    const plain = await stubFor(jobId).startJob({
      jobId,
      input: { pipeline: 'batch_enrichment', books: [{ title: 'x' }] },
    });
    expect(plain).toEqual({ ok: false, code: 'INVALID_REQUEST', message: 'no header row' });
    pipeline.plan = () => {
      throw Object.assign(new Error('too many books'), { code: 'BATCH_TOO_LARGE' });
    };
    const coded = await stubFor(jobId).startJob({
      jobId,
      input: { pipeline: 'batch_enrichment', books: [{ title: 'x' }] },
    });
    expect(coded).toEqual({ ok: false, code: 'BATCH_TOO_LARGE', message: 'too many books' });
  });

  it('refuses a second job under the same id', async () => {
    installTestPipeline();
    const jobId = newJobId();
    await startJob(jobId, titles(1));
    const again = await stubFor(jobId).startJob({
      jobId,
      input: { pipeline: 'batch_enrichment', books: [{ title: 'x' }] },
    });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
