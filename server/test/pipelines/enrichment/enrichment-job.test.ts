// The registered batch_enrichment pipeline inside the real ProgressSocket: a 100-book batch run
// by alarms, a restart between steps, and a cancel that lands while a step is looking books up.
import {
  EnrichmentResultsSchema,
  type BookQuery,
  type EnrichmentResults,
  type JobState,
} from '@bookstrack/generated/schemas';
import { abortAllDurableObjects } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StartedJob } from '../../../src/durable/job-api';
import { overridePipelineForTests } from '../../../src/jobs/pipeline-registry';
import { createEnrichmentPipeline, ENRICHMENT_STEP_SIZE } from '../../../src/pipelines/enrichment';
import type { BookProvider } from '../../../src/providers/book-provider';
import { CATALOGUE } from '../../../src/providers/catalogue/catalogue';
import { fireNextAlarm, newJobId, plain, stubFor, timerKinds, useClock, restoreClock } from '../../helpers/durable';
import { connectReady } from '../../helpers/websocket';

beforeEach(() => useClock());
afterEach(() => {
  overridePipelineForTests('batch_enrichment', undefined);
  restoreClock();
});

async function start(jobId: string, books: BookQuery[]): Promise<StartedJob> {
  const result = plain<StartedJob>(
    await stubFor(jobId).startJob({ jobId, input: { pipeline: 'batch_enrichment', books } }),
  );
  if (!result.ok) throw new Error(`startJob failed: ${result.code}`);
  return result.value;
}

async function results(jobId: string, token: string): Promise<EnrichmentResults> {
  const answer = plain<EnrichmentResults>(await stubFor(jobId).getResults(token, 'batch_enrichment'));
  if (!answer.ok) throw new Error(`getResults failed: ${answer.code}`);
  return EnrichmentResultsSchema.parse(answer.value);
}

async function state(jobId: string, token: string): Promise<JobState> {
  const answer = plain<JobState>(await stubFor(jobId).getState(token));
  if (!answer.ok) throw new Error(`getState failed: ${answer.code}`);
  return answer.value;
}

/** 90 catalogue books (alternately by ISBN and by title/author) and 10 unknown titles. */
function hundredBooks(): BookQuery[] {
  const known = CATALOGUE.slice(0, 90).map((b, i): BookQuery =>
    i % 2 === 0 ? { title: b.title, isbn: b.isbn13 } : { title: b.title, author: b.authors[0] as string },
  );
  const unknown = Array.from({ length: 10 }, (_, i): BookQuery => ({ title: `Unwritten Volume ${i + 1}` }));
  return [...known, ...unknown];
}

describe('batch_enrichment in the ProgressSocket', () => {
  it('enriches 100 books offline with per-step progress naming the current title', async () => {
    const jobId = newJobId();
    const books = hundredBooks();
    const job = await start(jobId, books);
    const socket = await connectReady(jobId, job.token);
    for (let step = 0; step < 100 / ENRICHMENT_STEP_SIZE; step++) await fireNextAlarm(jobId);
    const complete = await socket.waitFor('job_complete');
    expect(complete.payload.summary).toMatchObject({ totalProcessed: 100, successCount: 90, failureCount: 10 });
    const progress = socket.frames.filter((f) => f.type === 'job_progress');
    expect(progress.length).toBeGreaterThan(0);
    // The first progress frame names the last book of the first step (an ISBN query: title only).
    const lastOfFirstStep = books[ENRICHMENT_STEP_SIZE - 1];
    expect(lastOfFirstStep?.author).toBeUndefined();
    expect(progress[0]?.payload).toMatchObject({
      processedCount: ENRICHMENT_STEP_SIZE,
      currentItem: lastOfFirstStep?.title,
    });
    const { books: enriched } = await results(jobId, job.token);
    expect(enriched.map((b) => b.index)).toEqual(books.map((_, i) => i));
    expect(enriched.slice(0, 90).map((b) => b.edition?.isbn)).toEqual(CATALOGUE.slice(0, 90).map((b) => b.isbn13));
    expect(enriched.slice(90).every((b) => b.status === 'not_found')).toBe(true);
  });

  it('resumes from its checkpoint after the object is rebuilt, losing and repeating nothing', async () => {
    const jobId = newJobId();
    const step = ENRICHMENT_STEP_SIZE;
    const books = hundredBooks().slice(0, 2 * step + 3);
    const job = await start(jobId, books);
    await fireNextAlarm(jobId);
    expect((await state(jobId, job.token)).processedCount).toBe(step);
    await abortAllDurableObjects();
    await fireNextAlarm(jobId);
    expect((await state(jobId, job.token)).processedCount).toBe(2 * step);
    await abortAllDurableObjects();
    await fireNextAlarm(jobId);
    const finished = await state(jobId, job.token);
    expect(finished).toMatchObject({
      status: 'completed',
      processedCount: books.length,
      successCount: books.length,
      failureCount: 0,
    });
    const { books: enriched } = await results(jobId, job.token);
    expect(enriched.map((b) => b.index)).toEqual(books.map((_, i) => i));
  });

  it('stops a step that is waiting on providers when the job is canceled', async () => {
    let aborted = 0;
    let waiting = 0;
    const hanging: BookProvider = {
      id: 'openlibrary',
      lookupByIsbn: (_isbn, signal) => waitForAbort(signal),
      search: (_title, _author, signal) => waitForAbort(signal),
    };
    function waitForAbort(signal: AbortSignal): Promise<null> {
      waiting++;
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted++;
          reject(signal.reason);
        }),
      );
    }
    overridePipelineForTests(
      'batch_enrichment',
      createEnrichmentPipeline(() => [hanging]),
    );
    const jobId = newJobId();
    const job = await start(jobId, hundredBooks().slice(0, ENRICHMENT_STEP_SIZE + 3));
    const socket = await connectReady(jobId, job.token);
    const stepping = fireNextAlarm(jobId);
    expect(socket.types()).toContain('job_started');
    await vi.waitFor(() => expect(waiting).toBe(ENRICHMENT_STEP_SIZE));
    expect(await stubFor(jobId).cancel(job.token)).toEqual({ ok: true, value: { jobId, status: 'canceled' } });
    await stepping;
    expect(aborted).toBe(ENRICHMENT_STEP_SIZE);
    expect(await state(jobId, job.token)).toMatchObject({ status: 'canceled', processedCount: 0 });
    expect(await timerKinds(jobId)).not.toContain('job_step');
  });
});
