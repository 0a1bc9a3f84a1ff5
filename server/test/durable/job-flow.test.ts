import { CLOSE_CODES, CLOSE_REASONS, CONTRACT_VERSION, LIMITS } from '@bookstrack/generated/constants';
import { EnrichmentResultsSchema, JobStateSchema, type EnrichmentResults } from '@bookstrack/generated/schemas';
import { runDurableObjectAlarm } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, useClockForTests } from '../../src/clock';
import { ALARM_ROUNDS } from '../../src/durable/progress-socket';
import {
  T0,
  UNWATCHED_START,
  fireNextAlarm,
  installTestPipeline,
  newJobId,
  plain,
  removeTestPipeline,
  startJob,
  stubFor,
  timerKinds,
  titles,
  useClock,
  restoreClock,
  setClock,
} from '../helpers/durable';
import { connect, connectReady } from '../helpers/websocket';

beforeEach(() => useClock());
afterEach(() => {
  removeTestPipeline();
  restoreClock();
});

describe('a job run over WebSocket', () => {
  // provokes: 1000 Job complete
  it('sends ready_ack, job_started, coalesced progress and a small job_complete, then closes 1000', async () => {
    installTestPipeline({ stepSize: 1 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(5));
    const socket = await connectReady(jobId, job.token);
    for (let i = 0; i < 5; i += 1) await fireNextAlarm(jobId);
    const closed = await socket.waitClosed();
    expect(closed).toEqual({ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE });
    // All five steps ran in the same millisecond: only the first and the final progress frames go out.
    expect(socket.types()).toEqual(['ready_ack', 'job_started', 'job_progress', 'job_progress', 'job_complete']);
    // ready_ack is a per-socket reply: it carries the last broadcast seq (0 here) without advancing it.
    expect(socket.frames.map((f) => f.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(socket.frames.every((f) => f.version === CONTRACT_VERSION && f.jobId === jobId)).toBe(true);
    const [ack, started, first, last, complete] = socket.frames;
    expect(ack?.payload).toEqual({ connectionCount: 1 });
    expect(started?.payload).toEqual({ totalCount: 5, estimatedDurationMs: 1000 });
    expect(first?.payload).toEqual({
      progress: 0.2,
      processedCount: 1,
      totalCount: 5,
      statusText: 'Processed 1 of 5',
      currentItem: 'Book 1',
    });
    expect(last?.payload).toMatchObject({ progress: 1, processedCount: 5, totalCount: 5 });
    expect(complete?.payload).toEqual({
      summary: { totalProcessed: 5, successCount: 5, failureCount: 0, durationMs: 0 },
      resultsUrl: `/v1/enrichment/results/${jobId}`,
      expiresAt: new Date(T0 + 86_400_000).toISOString(),
    });
    expect(new TextEncoder().encode(JSON.stringify(complete)).byteLength).toBeLessThan(1024);
  });

  it('reports state, counts failures and serves results after completion', async () => {
    installTestPipeline({ stepSize: 2 });
    const jobId = newJobId();
    const job = await startJob(jobId, ['A', 'bad B', 'C']);
    const stub = stubFor(jobId);
    const queued = await stub.getState(job.token);
    expect(queued.ok && JobStateSchema.parse(queued.value)).toMatchObject({
      status: 'queued',
      progress: 0,
      processedCount: 0,
      totalCount: 3,
    });
    const early = await stub.getResults(job.token, 'batch_enrichment');
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT' });
    await fireNextAlarm(jobId);
    const running = await stub.getState(job.token);
    expect(running.ok && JobStateSchema.parse(running.value)).toMatchObject({
      status: 'running',
      processedCount: 2,
      successCount: 1,
      failureCount: 1,
    });
    await fireNextAlarm(jobId);
    const done = await stub.getState(job.token);
    expect(done.ok && JobStateSchema.parse(done.value)).toMatchObject({
      status: 'completed',
      progress: 1,
      processedCount: 3,
      successCount: 2,
      failureCount: 1,
      // Nobody said ready: the job started at its start deadline and ran its steps at once.
      completedAt: new Date(UNWATCHED_START).toISOString(),
      resultsExpiresAt: new Date(UNWATCHED_START + 86_400_000).toISOString(),
      // The token current at completion stays valid for reading the job as long as its results.
      tokenExpiresAt: new Date(UNWATCHED_START + 86_400_000).toISOString(),
    });
    const results = plain<EnrichmentResults>(await stub.getResults(job.token, 'batch_enrichment'));
    expect(results.ok && EnrichmentResultsSchema.parse(results.value)).toEqual({
      books: [
        { index: 0, input: { title: 'A' }, status: 'found' },
        { index: 1, input: { title: 'book 1' }, status: 'not_found' },
        { index: 2, input: { title: 'C' }, status: 'found' },
      ],
      expiresAt: new Date(UNWATCHED_START + 86_400_000).toISOString(),
    });
    expect(await stub.getResults(job.token, 'csv_import')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await timerKinds(jobId)).toEqual(['cleanup', 'results_expiry', 'token_expiry']);
  });

  // provokes: 1000 Job complete
  it('gives a socket that connects after completion the stored job_complete, then closes 1000', async () => {
    installTestPipeline({ stepSize: 10 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    await fireNextAlarm(jobId);
    const late = await connect(jobId, job.token);
    expect(await late.waitClosed()).toEqual({ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE });
    expect(late.types()).toEqual(['job_complete']);
    expect(late.frames[0]?.payload).toMatchObject({ resultsUrl: `/v1/enrichment/results/${jobId}` });
  });

  it('limits progress frames to the per-second cap while steps run back to back', async () => {
    installTestPipeline({ stepSize: 1 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(40));
    const socket = await connectReady(jobId, job.token);
    // 40 steps 10 ms apart: 400 ms of work may carry at most 4 progress frames plus the final one.
    for (let i = 0; i < 40; i += 1) {
      setClock(T0 + i * 10);
      await fireNextAlarm(jobId);
    }
    await socket.waitClosed();
    const progress = socket.frames.filter((f) => f.type === 'job_progress');
    expect(progress.length).toBe(5);
    expect(LIMITS.WS_MAX_PROGRESS_PER_SECOND).toBe(10);
    const times = progress.map((f) => f.timestamp);
    for (let i = 1; i < times.length - 1; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
  });
});

describe('steps with no pacing delay, in one alarm invocation', () => {
  /** A clock that moves 150 ms on every read: each step of a round runs at a later time than the last. */
  class TickingClock extends ManualClock {
    override now(): number {
      const at = super.now();
      this.advance(150);
      return at;
    }
  }

  it('runs up to ALARM_ROUNDS steps back to back while time moves, each its own progress frame in seq order', async () => {
    installTestPipeline({ stepSize: 1 });
    useClockForTests(new TickingClock(T0));
    const jobId = newJobId();
    const job = await startJob(jobId, titles(ALARM_ROUNDS + 4));
    const socket = await connectReady(jobId, job.token);
    await runDurableObjectAlarm(stubFor(jobId));
    const frames = await socket.waitFrames(2 + ALARM_ROUNDS);
    const progress = frames.filter((f) => f.type === 'job_progress');
    // One alarm ran ALARM_ROUNDS steps (not one), and the clock's 150 ms between them let every one report.
    expect(progress.map((f) => (f.payload as { processedCount: number }).processedCount)).toEqual(
      Array.from({ length: ALARM_ROUNDS }, (_, i) => i + 1),
    );
    expect(frames.map((f) => f.seq)).toEqual(Array.from({ length: frames.length }, (_, i) => i));
    expect(await timerKinds(jobId)).toContain('job_step');
    // The next alarm goes on from the stored checkpoint and completes the job: nothing doubled.
    await runDurableObjectAlarm(stubFor(jobId));
    await socket.waitClosed();
    const results = (await stubFor(jobId).getResults(job.token, 'batch_enrichment')) as { value?: EnrichmentResults };
    expect(results.value?.books.map((b) => b.input.title)).toEqual(titles(ALARM_ROUNDS + 4));
  });

  it('runs one step per alarm when the clock has not moved (a frozen clock never runs two steps at one `now`)', async () => {
    installTestPipeline({ stepSize: 1 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(3));
    const socket = await connectReady(jobId, job.token);
    await runDurableObjectAlarm(stubFor(jobId));
    expect((await socket.waitFrames(3))[2]?.payload).toMatchObject({ processedCount: 1 });
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({ ok: true, value: { processedCount: 1 } });
  });
});
