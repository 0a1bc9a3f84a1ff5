// The pure job machine as tables: job + input + now → job after, and its effects. No runtime, no
// fake timers; every frame an effect carries is parsed with the generated ServerMessageSchema.
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { ServerMessageSchema, type JobStatus } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import type { JobEffect } from '../../src/jobs/job-effects';
import {
  beginStep,
  cancelJob,
  createJob,
  expireResults,
  failJob,
  finishStep,
  startOnReady,
  type JobRules,
  type StepResult,
} from '../../src/jobs/job-machine';
import type { JobSnapshot } from '../../src/jobs/job-snapshot';
import { TIMER_KIND } from '../../src/jobs/timers';

const T0 = Date.UTC(2035, 0, 1, 10);
const HOUR = 3_600_000;
const RULES: JobRules = {
  resultsRetentionMs: 24 * HOUR,
  finishedTokenLifetimeMs: 24 * HOUR,
  revocationMs: 2.5 * HOUR,
  maxProgressPerSecond: 10,
  startDeadlineMs: 5_000,
};

function newJob(itemCount = 3): JobSnapshot {
  return createJob(
    {
      jobId: 'job-machine-1',
      pipeline: 'batch_enrichment',
      totalCount: itemCount,
      itemCount,
      estimatedDurationMs: 900,
    },
    T0,
    RULES,
  ).job;
}

function running(itemCount = 3): JobSnapshot {
  return beginStep(newJob(itemCount), T0).job as JobSnapshot;
}

function step(count: number, from = 0, failures = 0): StepResult {
  return {
    outcomes: Array.from({ length: count }, (_, i) => ({
      index: from + i,
      outcome:
        i < failures
          ? { ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'no match' } }
          : { ok: true as const, value: {} },
    })),
    currentItem: `book ${from + count - 1}`,
    nextStepDelayMs: 0,
    summarize: () => ({}),
  };
}

const kinds = (effects: readonly JobEffect[]) =>
  effects.map((e) =>
    e.kind === 'broadcast'
      ? `broadcast ${e.message.type}`
      : e.kind === 'arm' || e.kind === 'disarm'
        ? `${e.kind} ${e.timer}`
        : e.kind,
  );
const frames = (effects: readonly JobEffect[]) =>
  effects.flatMap((e) => (e.kind === 'broadcast' ? [ServerMessageSchema.parse(e.message)] : []));

describe('createJob', () => {
  it('queues the job at seq 0 with its first step due at the start deadline', () => {
    const created = createJob(
      { jobId: 'job-machine-1', pipeline: 'csv_import', totalCount: 2, itemCount: 2 },
      T0,
      RULES,
    );
    expect(created.job).toMatchObject({
      status: 'queued',
      seq: 0,
      checkpoint: 0,
      createdAt: T0,
      startedAt: null,
      estimatedDurationMs: null,
    });
    expect(created.effects).toEqual([{ kind: 'arm', timer: TIMER_KIND.JOB_STEP, at: T0 + RULES.startDeadlineMs }]);
  });
});

describe('startOnReady', () => {
  it('starts a queued job at the first ready: job_started as seq 1 to ready sockets, first step due at once', () => {
    const started = startOnReady(newJob(), T0 + 20);
    expect(started.isStarted).toBe(true);
    expect(started.job).toMatchObject({ status: 'running', startedAt: T0 + 20, seq: 1 });
    expect(kinds(started.effects)).toEqual(['log', 'broadcast job_started', 'arm job_step']);
    expect(started.effects[0]).toEqual({
      kind: 'log',
      event: 'job.started',
      detail: { totalCount: 3, trigger: 'client' },
    });
    expect(started.effects[1]).toMatchObject({ isReadyOnly: true });
    expect(started.effects[2]).toEqual({ kind: 'arm', timer: TIMER_KIND.JOB_STEP, at: T0 + 20 });
    expect(frames(started.effects)).toMatchObject([
      { type: 'job_started', seq: 1, timestamp: T0 + 20, payload: { totalCount: 3, estimatedDurationMs: 900 } },
    ]);
  });

  it.each<JobStatus>(['running', 'completed', 'failed', 'canceled'])(
    'leaves a %s job as it is (the socket gets reconnected instead)',
    (status) => {
      const after = startOnReady({ ...newJob(), status, startedAt: T0 }, T0 + 20);
      expect(after).toEqual({ effects: [], isStarted: false });
    },
  );

  it('a second ready after the start changes nothing: job_started is sent once', () => {
    const first = startOnReady(newJob(), T0 + 20);
    expect(startOnReady(first.job as JobSnapshot, T0 + 30).isStarted).toBe(false);
  });
});

describe('beginStep', () => {
  it.each<[JobStatus, boolean, string[]]>([
    ['queued', true, ['log', 'broadcast job_started']],
    ['running', true, []],
    ['completed', false, []],
    ['failed', false, []],
    ['canceled', false, []],
  ])('a %s job: runnable %s, effects %j', (status, isRunnable, effects) => {
    const begun = beginStep({ ...newJob(), status }, T0 + 5);
    expect(begun.isRunnable).toBe(isRunnable);
    expect(kinds(begun.effects)).toEqual(effects);
  });

  it('starts a job still queued at its start deadline with job_started as seq 1, to ready sockets only', () => {
    const begun = beginStep(newJob(), T0 + 5);
    expect(begun.job).toMatchObject({ status: 'running', startedAt: T0 + 5, seq: 1 });
    expect(begun.effects[0]).toEqual({
      kind: 'log',
      event: 'job.started',
      detail: { totalCount: 3, trigger: 'deadline' },
    });
    expect(begun.effects[1]).toMatchObject({ isReadyOnly: true });
    expect(frames(begun.effects)).toMatchObject([
      { type: 'job_started', seq: 1, timestamp: T0 + 5, payload: { totalCount: 3, estimatedDurationMs: 900 } },
    ]);
  });
});

describe('finishStep', () => {
  it('writes the outcomes, advances the checkpoint and counts, sends progress and arms the next step', () => {
    const after = finishStep(running(), { ...step(2, 0, 1), nextStepDelayMs: 250 }, T0 + 100, RULES);
    expect(after.job).toMatchObject({
      checkpoint: 2,
      successCount: 1,
      failureCount: 1,
      seq: 2,
      statusText: 'Processed 2 of 3',
      lastProgressAt: T0 + 100,
    });
    expect(kinds(after.effects)).toEqual(['write_outcomes', 'arm job_step', 'broadcast job_progress']);
    expect(after.effects[1]).toMatchObject({ at: T0 + 350 });
    expect(frames(after.effects)[0]).toMatchObject({
      seq: 2,
      payload: { progress: 2 / 3, processedCount: 2, totalCount: 3, currentItem: 'book 1' },
    });
  });

  it('coalesces progress: a step within 100 ms of the last frame sends none and takes no seq', () => {
    const first = finishStep(running(5), step(1), T0 + 100, RULES).job as JobSnapshot;
    const second = finishStep(first, step(1, 1), T0 + 150, RULES);
    expect(kinds(second.effects)).toEqual(['write_outcomes', 'arm job_step']);
    expect(second.job).toMatchObject({ checkpoint: 2, seq: first.seq, lastProgressAt: T0 + 100 });
    const third = finishStep(second.job as JobSnapshot, step(1, 2), T0 + 200, RULES);
    expect(kinds(third.effects)).toContain('broadcast job_progress');
  });

  it('completes on the last item: final progress, job_complete to every socket, timers, close 1000', () => {
    const done = finishStep(running(2), { ...step(2), summarize: () => ({}) }, T0 + 1_000, RULES);
    expect(done.job).toMatchObject({
      status: 'completed',
      completedAt: T0 + 1_000,
      resultsExpiresAt: T0 + 1_000 + 24 * HOUR,
      seq: 3,
    });
    expect(kinds(done.effects)).toEqual([
      'write_outcomes',
      'broadcast job_progress',
      'disarm job_step',
      'arm results_expiry',
      'arm cleanup',
      'extend_token',
      'arm token_expiry',
      'log',
      'broadcast job_complete',
      'close_all',
    ]);
    const complete = frames(done.effects)[1];
    expect(complete).toMatchObject({
      type: 'job_complete',
      seq: 3,
      payload: { summary: { totalProcessed: 2, successCount: 2, failureCount: 0, durationMs: 1_000 } },
    });
    expect(done.job?.finalMessage).toEqual(complete);
    expect(done.effects.at(-1)).toEqual({
      kind: 'close_all',
      code: CLOSE_CODES.NORMAL_CLOSURE,
      reason: CLOSE_REASONS.JOB_COMPLETE,
    });
    expect(done.effects.find((e) => e.kind === 'arm' && e.timer === TIMER_KIND.CLEANUP)).toMatchObject({
      at: T0 + 1_000 + 26.5 * HOUR,
    });
  });

  it('adds the pipeline summary to job_complete only when the job completes', () => {
    let calls = 0;
    const summarize = () => {
      calls += 1;
      return { totalDetected: 2, approved: 1, needsReview: 1 };
    };
    const partway = finishStep(running(2), { ...step(1), summarize }, T0 + 10, RULES);
    expect(calls).toBe(0);
    const done = finishStep(partway.job as JobSnapshot, { ...step(1, 1), summarize }, T0 + 20, RULES);
    expect(calls).toBe(1);
    expect(frames(done.effects).at(-1)?.payload).toMatchObject({ totalDetected: 2, approved: 1, needsReview: 1 });
  });

  it("sends a step's provider trouble as one retryable error frame, at the next seq, before its progress", () => {
    const trouble = {
      code: 'PROVIDER_ERROR' as const,
      message: 'openlibrary answered HTTP 429 for 30 items of this step',
      count: 30,
      firstIndex: 4,
      details: { provider: 'openlibrary', upstreamStatus: 429 },
    };
    const after = finishStep(running(40), { ...step(30), trouble }, T0 + 100, RULES);
    expect(kinds(after.effects)).toEqual([
      'write_outcomes',
      'arm job_step',
      'broadcast error',
      'broadcast job_progress',
    ]);
    expect(frames(after.effects)).toMatchObject([
      {
        type: 'error',
        seq: 2,
        payload: {
          code: 'PROVIDER_ERROR',
          message: 'openlibrary answered HTTP 429 for 30 items of this step',
          retryable: true,
          details: { provider: 'openlibrary', upstreamStatus: 429, count: 30, firstIndex: 4 },
        },
      },
      { type: 'job_progress', seq: 3 },
    ]);
    // Like progress, a live frame: only sockets that sent ready get it; the job stays running.
    expect(after.effects.find((e) => e.kind === 'broadcast' && e.message.type === 'error')).toMatchObject({
      isReadyOnly: true,
    });
    expect(after.job).toMatchObject({ status: 'running', seq: 3, finalMessage: null });
  });

  it("sends the trouble frame even when the step's progress is coalesced away", () => {
    const first = finishStep(running(5), step(1), T0 + 100, RULES).job as JobSnapshot;
    const trouble = { code: 'PROVIDER_TIMEOUT' as const, message: 'gemini did not answer', count: 1, firstIndex: 1 };
    const second = finishStep(first, { ...step(1, 1), trouble }, T0 + 150, RULES);
    expect(kinds(second.effects)).toEqual(['write_outcomes', 'arm job_step', 'broadcast error']);
    expect(second.job).toMatchObject({ seq: first.seq + 1, lastProgressAt: T0 + 100 });
    expect(frames(second.effects)[0]).toMatchObject({
      seq: first.seq + 1,
      payload: { code: 'PROVIDER_TIMEOUT', retryable: true, details: { count: 1, firstIndex: 1 } },
    });
  });

  it('completes after a troubled last step: error, final progress, job_complete, close 1000', () => {
    const trouble = {
      code: 'PROVIDER_ERROR' as const,
      message: 'google-books answered HTTP 503',
      count: 2,
      firstIndex: 0,
    };
    const done = finishStep(running(2), { ...step(2), trouble }, T0 + 1_000, RULES);
    expect(frames(done.effects).map((f) => [f.type, f.seq])).toEqual([
      ['error', 2],
      ['job_progress', 3],
      ['job_complete', 4],
    ]);
    expect(done.job).toMatchObject({ status: 'completed', seq: 4 });
    expect(done.job?.finalMessage?.type).toBe('job_complete');
    expect(done.effects.at(-1)).toMatchObject({ kind: 'close_all', code: CLOSE_CODES.NORMAL_CLOSURE });
  });

  it('changes nothing for a job that is not running (a cancel won the race)', () => {
    expect(finishStep({ ...running(), status: 'canceled' }, step(1), T0, RULES)).toEqual({ effects: [] });
  });
});

describe('failJob', () => {
  it('fails a running job: error frame (retryable false), final frame kept, close 1011', () => {
    const failed = failJob(running(), 'provider exploded', T0 + 9, RULES);
    expect(failed.job).toMatchObject({
      status: 'failed',
      statusText: 'The batch_enrichment job failed: provider exploded',
      seq: 2,
    });
    expect(frames(failed.effects)).toMatchObject([
      { type: 'error', seq: 2, payload: { code: 'INTERNAL_ERROR', retryable: false } },
    ]);
    expect(failed.effects.at(-1)).toEqual({
      kind: 'close_all',
      code: CLOSE_CODES.INTERNAL_ERROR,
      reason: CLOSE_REASONS.JOB_FAILED,
    });
    expect(failed.job?.finalMessage?.type).toBe('error');
  });

  it.each([
    ['completes', (job: JobSnapshot) => finishStep(job, step(3), T0 + 10, RULES)],
    ['fails', (job: JobSnapshot) => failJob(job, 'boom', T0 + 10, RULES)],
    ['is canceled', (job: JobSnapshot) => cancelJob(job, T0 + 10, RULES)],
  ])('keeps the current token valid for reading for the finished lifetime when the job %s', (_, end) => {
    const effects = end(running()).effects;
    expect(effects).toContainEqual({ kind: 'extend_token', until: T0 + 10 + 24 * HOUR });
    expect(effects).toContainEqual({ kind: 'arm', timer: TIMER_KIND.TOKEN_EXPIRY, at: T0 + 10 + 24 * HOUR });
  });

  it('keeps the status text within 200 characters', () => {
    expect(failJob(running(), 'x'.repeat(500), T0, RULES).job?.statusText).toHaveLength(200);
  });

  it.each<JobStatus>(['completed', 'failed', 'canceled'])('leaves a %s job alone', (status) => {
    expect(failJob({ ...running(), status }, 'late', T0, RULES)).toEqual({ effects: [] });
  });
});

describe('cancelJob', () => {
  it.each<[JobStatus, string]>([
    ['queued', 'canceled'],
    ['running', 'canceled'],
    ['canceled', 'already_canceled'],
    ['completed', 'finished'],
    ['failed', 'finished'],
  ])('a %s job: %s', (status, outcome) => {
    expect(cancelJob({ ...newJob(), status }, T0, RULES).outcome).toBe(outcome);
  });

  it('aborts the step in flight, drops the next step and closes 1001 Job canceled', () => {
    const canceled = cancelJob(running(), T0 + 3, RULES);
    expect(canceled.job).toMatchObject({ status: 'canceled', statusText: 'Canceled', updatedAt: T0 + 3 });
    expect(kinds(canceled.effects)).toEqual([
      'disarm job_step',
      'arm cleanup',
      'extend_token',
      'arm token_expiry',
      'abort_step',
      'log',
      'close_all',
    ]);
    expect(canceled.effects.at(-1)).toEqual({
      kind: 'close_all',
      code: CLOSE_CODES.GOING_AWAY,
      reason: CLOSE_REASONS.JOB_CANCELED,
    });
  });
});

describe('expireResults', () => {
  const completed = (): JobSnapshot => finishStep(running(1), step(1), T0, RULES).job as JobSnapshot;

  it('deletes the results once their expiry has come, and only once', () => {
    const job = completed();
    const at = job.resultsExpiresAt as number;
    expect(expireResults(job, at - 1)).toEqual({ effects: [] });
    const expired = expireResults(job, at);
    expect(expired).toEqual({ job: { ...job, isResultsDeleted: true }, effects: [{ kind: 'delete_results' }] });
    expect(expireResults(expired.job as JobSnapshot, at + 1)).toEqual({ effects: [] });
  });

  it('does nothing for a job without results', () => {
    expect(expireResults(running(), T0 + 100 * HOUR)).toEqual({ effects: [] });
  });
});
