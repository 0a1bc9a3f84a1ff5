// The engine with real and pipeline-specific shapes: the registered CSV pipeline end to end, and the
// extra job_complete fields a pipeline's summarize adds (ai_scan).
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { CsvResultsSchema, type CsvResults } from '@bookstrack/generated/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartedJob } from '../../src/durable/job-api';
import { overridePipelineForTests } from '../../src/jobs/pipeline-registry';
import { T0, fireNextAlarm, newJobId, plain, stubFor, useClock, restoreClock } from '../helpers/durable';
import { connectReady } from '../helpers/websocket';

beforeEach(() => useClock());
afterEach(() => {
  overridePipelineForTests('ai_scan', undefined);
  restoreClock();
});

describe('the registered csv_import pipeline', () => {
  it('imports a CSV through checkpointed steps and serves its results', async () => {
    const jobId = newJobId();
    const csv = 'title,author,isbn\nDune,Frank Herbert,9780441172719\n,Nobody,\nEmma,Jane Austen,\n';
    const started = plain<StartedJob>(await stubFor(jobId).startJob({ jobId, input: { pipeline: 'csv_import', csv } }));
    expect(started).toMatchObject({ ok: true, value: { jobId, pipeline: 'csv_import', totalCount: 3 } });
    const token = started.ok ? started.value.token : '';
    const socket = await connectReady(jobId, token);
    await fireNextAlarm(jobId);
    expect(await socket.waitClosed()).toEqual({ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE });
    expect(socket.types()).toEqual(['ready_ack', 'job_started', 'job_progress', 'job_complete']);
    expect(socket.frames[3]?.payload).toMatchObject({
      summary: { totalProcessed: 3, successCount: 2, failureCount: 1 },
      resultsUrl: `/v1/csv/results/${jobId}`,
    });
    const results = plain<CsvResults>(await stubFor(jobId).getResults(token, 'csv_import'));
    const parsed = results.ok ? CsvResultsSchema.parse(results.value) : undefined;
    expect(parsed?.books.map((b) => b.title)).toEqual(['Dune', 'Emma']);
    expect(parsed?.errors.map((e) => e.line)).toEqual([3]);
    expect(parsed?.expiresAt).toBe(new Date(T0 + 86_400_000).toISOString());
  });
});

describe('pipeline summaries', () => {
  it('adds the ai_scan counts to job_complete', async () => {
    overridePipelineForTests('ai_scan', {
      type: 'ai_scan',
      stepSize: 5,
      plan: (input) => ({
        items: input.pipeline === 'ai_scan' ? input.images.map((i) => ({ photo: i.index })) : [],
        totalCount: 2,
      }),
      runStep: async (items) => items.map(() => ({ ok: true as const, value: { detected: 2 } })),
      describeItem: (item) => `Photo ${String(item.photo)}`,
      buildResults: () => ({ totalDetected: 4, approved: 3, needsReview: 1, books: [], failures: [] }),
      summarize: () => ({ totalDetected: 4, approved: 3, needsReview: 1 }),
    });
    const jobId = newJobId();
    const images = [
      { index: 0, data: 'AAAA' },
      { index: 1, data: 'AAAA' },
    ];
    const started = plain<StartedJob>(await stubFor(jobId).startJob({ jobId, input: { pipeline: 'ai_scan', images } }));
    const socket = await connectReady(jobId, started.ok ? started.value.token : '');
    await fireNextAlarm(jobId);
    const complete = await socket.waitFor('job_complete');
    expect(complete.payload).toEqual({
      summary: { totalProcessed: 2, successCount: 2, failureCount: 0, durationMs: 0 },
      resultsUrl: `/v1/scan/results/${jobId}`,
      expiresAt: new Date(T0 + 86_400_000).toISOString(),
      totalDetected: 4,
      approved: 3,
      needsReview: 1,
    });
  });
});
