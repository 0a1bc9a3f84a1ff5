// The timer table behind the single alarm: collisions, retries, restarts, expiry and wake-up counts.
import type { EnrichmentResults } from '@bookstrack/generated/schemas';
import { abortAllDurableObjects, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Timer } from '../../src/jobs/timers';
import {
  MIN,
  T0,
  UNWATCHED_START,
  armedAlarm,
  fireAlarmsUntil,
  fireNextAlarm,
  installTestPipeline,
  newJobId,
  plain,
  removeTestPipeline,
  setClock,
  startJob,
  stubFor,
  titles,
  useClock,
  restoreClock,
} from '../helpers/durable';
import { connectReady } from '../helpers/websocket';

beforeEach(() => useClock());
afterEach(() => {
  removeTestPipeline();
  restoreClock();
});

interface TimerRow {
  kind: string;
  due_at: number;
  attempts: number;
}

async function timers(jobId: string): Promise<TimerRow[]> {
  return runInDurableObject(stubFor(jobId), (_, state) =>
    state.storage.sql
      .exec<{ kind: string; due_at: number; attempts: number }>(
        'SELECT kind, due_at, attempts FROM timers ORDER BY due_at, id',
      )
      .toArray(),
  );
}

async function processed(jobId: string): Promise<number> {
  return runInDurableObject(stubFor(jobId), (_, state) =>
    Number(state.storage.sql.exec<{ checkpoint: number }>('SELECT checkpoint FROM job').one().checkpoint),
  );
}

describe('timer collisions', () => {
  it('runs a job step and a token check due at the same instant in one wake-up', async () => {
    installTestPipeline({ stepSize: 1, minStepIntervalMs: 30 * MIN });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 15 * MIN);
    expect(
      (await timers(jobId)).filter((t) => t.kind !== 'token_expiry').map((t) => [t.kind, (t.due_at - T0) / MIN]),
    ).toEqual([
      ['job_step', 30],
      ['token_check', 30],
    ]);
    expect(await fireNextAlarm(jobId)).toBe(T0 + 30 * MIN);
    expect(await processed(jobId)).toBe(2);
    expect((await timers(jobId)).map((t) => [t.kind, (t.due_at - T0) / MIN])).toEqual([
      ['token_check', 45],
      ['job_step', 60],
      ['token_expiry', 120],
    ]);
    expect(await armedAlarm(jobId)).toBe(T0 + 45 * MIN);
  });
});

describe('a timer that throws', () => {
  it('is retried once without being lost or doubled', async () => {
    installTestPipeline({ stepSize: 1, minStepIntervalMs: 30 * MIN });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0);
    let calls = 0;
    await runInDurableObject(stubFor(jobId), (instance) => {
      const target = instance as unknown as { runTimer: (t: Timer, now: number) => Promise<void> };
      const original = target.runTimer.bind(instance);
      target.runTimer = async (timer, now) => {
        if (timer.kind === 'token_check' && calls++ === 0) throw new Error('flaky storage');
        return original(timer, now);
      };
    });
    setClock(T0 + 15 * MIN);
    await fireNextAlarm(jobId);
    const afterFailure = (await timers(jobId)).filter((t) => t.kind === 'token_check');
    expect(afterFailure).toEqual([{ kind: 'token_check', due_at: T0 + 15 * MIN + 1_000, attempts: 1 }]);
    expect(await fireNextAlarm(jobId)).toBe(T0 + 15 * MIN + 1_000);
    const afterRetry = (await timers(jobId)).filter((t) => t.kind === 'token_check');
    expect(afterRetry).toEqual([{ kind: 'token_check', due_at: T0 + 30 * MIN + 1_000, attempts: 0 }]);
    expect(calls).toBe(2);
    expect(socket.types()).toEqual(['ready_ack', 'job_started', 'job_progress']);
  });

  it('does not redo or double a job step whose frame failed after the checkpoint was committed', async () => {
    installTestPipeline({ stepSize: 2 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(6));
    await connectReady(jobId, job.token);
    await runInDurableObject(stubFor(jobId), (instance) => {
      const hub = (instance as unknown as { hub: { broadcast: (...args: unknown[]) => string } }).hub;
      const original = hub.broadcast.bind(hub);
      let failed = false;
      hub.broadcast = (...args: unknown[]) => {
        if (args[0] === 'job_progress' && !failed) {
          failed = true;
          throw new Error('socket layer hiccup');
        }
        return original(...args);
      };
    });
    await fireNextAlarm(jobId);
    expect(await processed(jobId)).toBe(2);
    expect((await timers(jobId)).filter((t) => t.kind === 'job_step')).toEqual([
      { kind: 'job_step', due_at: T0, attempts: 0 },
    ]);
    await fireNextAlarm(jobId);
    expect(await processed(jobId)).toBe(4);
  });
});

describe('restarts', () => {
  it('carries on from storage when the object is rebuilt between steps', async () => {
    installTestPipeline({ stepSize: 2 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(6));
    const first = await connectReady(jobId, job.token);
    await fireNextAlarm(jobId);
    await first.waitFor('job_progress');
    const lastSeq = first.frames.at(-1)?.seq ?? 0;
    await abortAllDurableObjects();
    await fireNextAlarm(jobId);
    expect(await processed(jobId)).toBe(4);
    const second = await connectReady(jobId, job.token);
    const [ack, reconnected] = await second.waitFrames(2);
    // The counter survives the restart: the reply carries the last broadcast seq, not a reset one.
    expect(ack?.seq).toBeGreaterThanOrEqual(lastSeq);
    expect(reconnected?.payload).toMatchObject({ processedCount: 4, totalCount: 6, status: 'running' });
    await fireNextAlarm(jobId);
    const complete = await second.waitFor('job_complete');
    expect(complete.payload.summary).toEqual({ totalProcessed: 6, successCount: 6, failureCount: 0, durationMs: 0 });
    const results = plain<EnrichmentResults>(await stubFor(jobId).getResults(job.token, 'batch_enrichment'));
    expect(results.ok && results.value.books.length).toBe(6);
  });
});

describe('results expiry and cleanup', () => {
  it('answers NOT_FOUND once the stored expiry has passed, even before the timer ran', async () => {
    installTestPipeline({ stepSize: 5 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    await fireNextAlarm(jobId);
    await runInDurableObject(stubFor(jobId), (_, state) => {
      state.storage.sql.exec('UPDATE job SET results_expires_at = ?', T0 + 10 * MIN);
    });
    setClock(T0 + 10 * MIN);
    expect(await stubFor(jobId).getResults(job.token, 'batch_enrichment')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('deletes results at 24 hours and forgets the whole job after the revocation window', async () => {
    installTestPipeline({ stepSize: 5 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    await fireNextAlarm(jobId);
    await fireAlarmsUntil(jobId, UNWATCHED_START + 24 * 60 * MIN);
    const items = await runInDurableObject(stubFor(jobId), (_, state) =>
      state.storage.sql.exec('SELECT start FROM chunks').toArray(),
    );
    expect(items).toEqual([]);
    await fireAlarmsUntil(jobId, UNWATCHED_START + 24 * 60 * MIN + 150 * MIN);
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await timers(jobId)).toEqual([]);
    expect(await armedAlarm(jobId)).toBeNull();
  });
});

describe('alarm wake-ups per connected job-hour', () => {
  it('wakes about 4 times an hour for tokens, plus job steps', async () => {
    installTestPipeline({ stepSize: 1, minStepIntervalMs: 30 * MIN });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    await connectReady(jobId, job.token);
    const wakeUps: { at: number; kinds: string[] }[] = [];
    for (let at = await armedAlarm(jobId); at !== null && at <= T0 + 240 * MIN; at = await armedAlarm(jobId)) {
      const due = (await timers(jobId)).filter((t) => t.due_at <= at).map((t) => t.kind);
      await fireNextAlarm(jobId);
      wakeUps.push({ at, kinds: due });
    }
    const withStep = wakeUps.filter((w) => w.kinds.includes('job_step')).length;
    const tokenOnly = wakeUps.filter((w) => !w.kinds.includes('job_step')).length;
    const tokenTimers = wakeUps.flatMap((w) => w.kinds).filter((k) => k !== 'job_step').length;
    // 4 hours: 16 token checks, 2 grace ends (refreshes at 90 and 180 min), 9 steps (0..240 every 30 min).
    expect({ total: wakeUps.length, withStep, tokenOnly, tokenTimers }).toEqual({
      total: 19,
      withStep: 9,
      tokenOnly: 10,
      tokenTimers: 18,
    });
    expect(tokenTimers / 4).toBe(4.5);
  });
});
