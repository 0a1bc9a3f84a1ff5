// Faults inside the Workers runtime: a Durable Object reset mid-job, providers that hang or answer
// garbage at the fetch boundary, a timer that throws on its first run, clients that never send
// `ready` or disconnect in every phase. Each ends with the job completed, the timers intact and
// exactly one result row per item.
import { EnrichmentResultsSchema } from '@bookstrack/generated/schemas';
import { abortAllDurableObjects, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineResults } from '../../src/durable/job-api';
import { JobStore } from '../../src/durable/job-store';
import type { Timer } from '../../src/jobs/timers';
import { overridePipelineForTests } from '../../src/jobs/pipeline-registry';
import { createEnrichmentPipeline } from '../../src/pipelines/enrichment';
import { createBookProviders } from '../../src/providers/create-providers';
import type { FetchLike } from '../../src/providers/http-client';
import {
  armedAlarm,
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
} from '../helpers/durable';
import { connect, connectReady, type TestSocket } from '../helpers/websocket';

beforeEach(() => useClock());
afterEach(() => {
  removeTestPipeline();
  restoreClock();
});

/** Stored items: how many, how many distinct item indexes (equal when nothing was duplicated), how many done. */
async function resultRows(jobId: string): Promise<{ rows: number; distinct: number; done: number }> {
  return runInDurableObject(stubFor(jobId), (_, state) => {
    const items = new JobStore(state.storage.sql).slice(0, Number.MAX_SAFE_INTEGER);
    const distinct = new Set(items.map((s) => s.index)).size;
    return { rows: items.length, distinct, done: items.filter((s) => s.outcome !== null).length };
  });
}

async function results(jobId: string, token: string): Promise<PipelineResults> {
  const result = plain<PipelineResults>(await stubFor(jobId).getResults(token, 'batch_enrichment'));
  if (!result.ok) throw new Error(`results: ${result.code} ${result.message}`);
  return result.value;
}

/** Fires alarms until the job's observer saw job_complete (bounded). */
async function runToCompletion(jobId: string, observer: TestSocket, maxWakeUps = 200): Promise<number> {
  let wakeUps = 0;
  while (!observer.types().includes('job_complete') && wakeUps < maxWakeUps) {
    if ((await fireNextAlarm(jobId)) === null) break;
    wakeUps += 1;
  }
  return wakeUps;
}

function broadcastSeqs(socket: TestSocket): number[] {
  return socket.frames.filter((f) => f.type !== 'ready_ack' && f.type !== 'reconnected').map((f) => f.seq);
}

function isContiguous(seqs: number[]): boolean {
  return seqs.every((seq, i) => i === 0 || seq === (seqs[i - 1] as number) + 1);
}

describe('a Durable Object reset mid-job', () => {
  it('keeps the job, its timers and one result row per item; a reconnect gets the current state', async () => {
    installTestPipeline({ stepSize: 2 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const first = await connectReady(jobId, job.token);
    for (let i = 0; i < 3; i++) await fireNextAlarm(jobId);
    expect(first.types()).toContain('job_progress');
    expect(plain(await stubFor(jobId).getState(job.token))).toMatchObject({ ok: true, value: { processedCount: 6 } });

    await abortAllDurableObjects();
    expect(await armedAlarm(jobId)).not.toBeNull();
    expect(await timerKinds(jobId)).toEqual(expect.arrayContaining(['job_step', 'token_expiry']));

    const again = await connectReady(jobId, job.token);
    const reconnected = await again.waitFor('reconnected');
    expect(reconnected.payload).toMatchObject({ processedCount: 6, totalCount: 10, status: 'running' });
    await runToCompletion(jobId, again);
    expect(again.types().at(-1)).toBe('job_complete');
    expect(isContiguous(broadcastSeqs(again))).toBe(true);
    expect(await resultRows(jobId)).toEqual({ rows: 10, distinct: 10, done: 10 });
    expect((await results(jobId, job.token)).books.map((b) => (b as { index: number }).index)).toEqual([
      ...Array(10).keys(),
    ]);
  });
});

describe('a timer that throws on its first run', () => {
  it('still completes the job with every item once, and the token check survives while a socket listens', async () => {
    installTestPipeline({ stepSize: 3 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(9));
    const observer = await connectReady(jobId, job.token);
    const failed: string[] = [];
    await runInDurableObject(stubFor(jobId), (instance) => {
      const target = instance as unknown as { runTimer: (t: Timer, now: number) => Promise<void> };
      const original = target.runTimer.bind(instance);
      target.runTimer = async (timer, now) => {
        // The first run of every timer (attempts resets whenever a timer is rescheduled) throws.
        if (timer.attempts === 0) {
          failed.push(timer.kind);
          throw new Error(`injected failure of ${timer.kind}`);
        }
        return original(timer, now);
      };
    });
    const wakeUps = await runToCompletion(jobId, observer, 60);
    expect(failed.filter((kind) => kind === 'job_step').length).toBeGreaterThanOrEqual(3);
    expect(wakeUps).toBeLessThan(60);
    expect(observer.types().at(-1)).toBe('job_complete');
    expect(await resultRows(jobId)).toEqual({ rows: 9, distinct: 9, done: 9 });
    expect(await timerKinds(jobId)).not.toContain('job_step');
  });
});

function providerJob(fetch: FetchLike): void {
  overridePipelineForTests(
    'batch_enrichment',
    createEnrichmentPipeline((env, options) =>
      createBookProviders(
        { PROVIDER_MODE: 'live' },
        { ...options, fetch, policy: { timeoutMs: 30, maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
      ),
    ),
  );
}

describe('providers at the fetch boundary', () => {
  it('turns a provider that never answers into per-book errors and completes the job', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    providerJob(hanging);
    const jobId = newJobId();
    const job = await startJob(jobId, ['Dune', 'Kindred', 'Piranesi']);
    const observer = await connectReady(jobId, job.token);
    await runToCompletion(jobId, observer, 20);
    const books = EnrichmentResultsSchema.parse(await results(jobId, job.token)).books;
    expect(books.map((b) => b.status)).toEqual(['error', 'error', 'error']);
    expect(books.map((b) => b.error?.code)).toEqual(['PROVIDER_TIMEOUT', 'PROVIDER_TIMEOUT', 'PROVIDER_TIMEOUT']);
    expect(await resultRows(jobId)).toEqual({ rows: 3, distinct: 3, done: 3 });
  });

  it('survives garbage bodies (HTML, truncated JSON, wrong shapes, 500s) with contract-valid results', async () => {
    const bodies = [
      '<html>oops</html>',
      '{"docs": [',
      '{"docs": "nope", "items": 7}',
      '[]',
      'null',
      '{"numFound": -1, "docs": [{"title": 5}]}',
    ];
    let call = 0;
    const garbage: FetchLike = async () => {
      call += 1;
      if (call % 4 === 0) return new Response('upstream exploded', { status: 500 });
      return new Response(bodies[call % bodies.length], {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    providerJob(garbage);
    const jobId = newJobId();
    const job = await startJob(jobId, titles(12));
    const observer = await connectReady(jobId, job.token);
    await runToCompletion(jobId, observer, 30);
    expect(observer.types().at(-1)).toBe('job_complete');
    const books = EnrichmentResultsSchema.parse(await results(jobId, job.token)).books;
    expect(books).toHaveLength(12);
    expect(books.every((b) => b.status === 'error' || b.status === 'not_found')).toBe(true);
    expect(call).toBeGreaterThan(12);
  });
});

describe('clients that misbehave', () => {
  it('gives a socket that never sends ready no live frames, only the final job_complete and close 1000', async () => {
    installTestPipeline({ stepSize: 1 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(4));
    const silent = await connect(jobId, job.token);
    const observer = await connectReady(jobId, job.token);
    await runToCompletion(jobId, observer);
    expect(await silent.waitClosed()).toEqual({ code: 1000, reason: 'Job complete' });
    expect(silent.types()).toEqual(['job_complete']);
    expect(observer.types().filter((t) => t === 'job_progress').length).toBeGreaterThan(0);
  });

  it('loses no job, timer or frame when clients disconnect before ready, after ready, mid-job and at completion', async () => {
    installTestPipeline({ stepSize: 1 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(6));
    const observer = await connectReady(jobId, job.token);
    const beforeReady = await connect(jobId, job.token);
    beforeReady.ws.close(1000, 'bye');
    const afterReady = await connectReady(jobId, job.token);
    afterReady.ws.close(1001, 'leaving');
    await fireNextAlarm(jobId);
    const midJob = await connectReady(jobId, job.token);
    await midJob.waitFor('reconnected');
    midJob.ws.close(4000, 'app closed');
    await fireNextAlarm(jobId);
    await fireNextAlarm(jobId);
    expect(await timerKinds(jobId)).toEqual(expect.arrayContaining(['job_step', 'token_check', 'token_expiry']));
    const atEnd = await connectReady(jobId, job.token);
    await runToCompletion(jobId, observer);
    atEnd.ws.close(1000, 'done');
    expect(observer.types().at(-1)).toBe('job_complete');
    expect(isContiguous(broadcastSeqs(observer))).toBe(true);
    expect(await resultRows(jobId)).toEqual({ rows: 6, distinct: 6, done: 6 });
    expect((await results(jobId, job.token)).books).toHaveLength(6);
    // The completed job keeps its expiry timers: results at 24 h, then the cleanup.
    expect(await timerKinds(jobId)).toEqual(expect.arrayContaining(['results_expiry', 'cleanup']));
  });
});
