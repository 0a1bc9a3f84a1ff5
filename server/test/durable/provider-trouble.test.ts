// Provider trouble a job survives, through the Durable Object with the real pipelines and providers
// faked at the fetch boundary: timeouts, 5xx and 429 reach the job's sockets as one retryable
// `error` frame per step, the job goes on to completion, and the results say what failed.
import { Buffer } from 'node:buffer';
import { CLOSE_CODES } from '@bookstrack/generated/constants';
import { EnrichmentResultsSchema, ScanResultsSchema, type ServerMessage } from '@bookstrack/generated/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineResults, StartedJob } from '../../src/durable/job-api';
import { overridePipelineForTests } from '../../src/jobs/pipeline-registry';
import { createEnrichmentPipeline } from '../../src/pipelines/enrichment';
import { createScanPipeline } from '../../src/pipelines/scan';
import { createBookProviders } from '../../src/providers/create-providers';
import type { FetchLike } from '../../src/providers/http-client';
import { createVisionProvider } from '../../src/vision/create-vision';
import { ZXING_READER_WASM } from '../../src/vision/zxing/zxing-wasm-module';
import blocked from '../fixtures/gemini/generate-content-blocked.json';
import geminiBooks from '../fixtures/gemini/generate-content-books.json';
import volumeFixture from '../fixtures/google-books/volumes-isbn-9780140328721.json';
import { fireNextAlarm, newJobId, plain, restoreClock, stubFor, useClock } from '../helpers/durable';
import { connectReady, type TestSocket } from '../helpers/websocket';
import { fakeFetch, hangingResponder, json } from '../providers/fake-fetch';

const FOX = { title: 'Fantastic Mr Fox', isbn: '9780140328721' };
/** Fast retries: every test here waits at most a few real milliseconds per provider call. */
const POLICY = { timeoutMs: 20, maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 };

beforeEach(() => useClock());
afterEach(() => {
  overridePipelineForTests('batch_enrichment', undefined);
  overridePipelineForTests('ai_scan', undefined);
  restoreClock();
});

function liveEnrichment(fetch: FetchLike): void {
  overridePipelineForTests(
    'batch_enrichment',
    createEnrichmentPipeline((_env, options) =>
      createBookProviders(
        { PROVIDER_MODE: 'live', GOOGLE_BOOKS_API_KEY: 'test-key' },
        { ...options, fetch, policy: POLICY },
      ),
    ),
  );
}

async function runToCompletion(jobId: string, observer: TestSocket): Promise<void> {
  for (let wakeUps = 0; wakeUps < 20 && !observer.types().includes('job_complete'); wakeUps++) {
    if ((await fireNextAlarm(jobId)) === null) break;
  }
}

async function startWatched(input: Parameters<ReturnType<typeof stubFor>['startJob']>[0]['input']) {
  const jobId = newJobId();
  const started = plain<StartedJob>(await stubFor(jobId).startJob({ jobId, input }));
  if (!started.ok) throw new Error(`startJob failed: ${started.code}`);
  const observer = await connectReady(jobId, started.value.token);
  await runToCompletion(jobId, observer);
  const results = plain<PipelineResults>(await stubFor(jobId).getResults(started.value.token, input.pipeline));
  if (!results.ok) throw new Error(`results: ${results.code} ${results.message}`);
  return { jobId, observer, results: results.value };
}

const errorFrames = (socket: TestSocket) =>
  socket.frames.filter((f): f is Extract<ServerMessage, { type: 'error' }> => f.type === 'error');

/** Every broadcast seq in order, so a test can check error frames take their place in the stream. */
const broadcastSeqs = (socket: TestSocket) =>
  socket.frames.filter((f) => f.type !== 'ready_ack' && f.type !== 'reconnected').map((f) => f.seq);

describe('provider trouble during batch_enrichment', () => {
  it('sends one retryable PROVIDER_ERROR frame per step for 429s, falls back to Google Books and completes', async () => {
    const fake = fakeFetch([
      ['https://openlibrary.org/', () => json({ error: 'slow down' }, 429, { 'Retry-After': '0' })],
      ['https://www.googleapis.com/books/v1/volumes', () => json(volumeFixture)],
    ]);
    liveEnrichment(fake.fetch);
    // 7 books at 5 per step: two steps, every book hits Open Library's 429.
    const { observer, results } = await startWatched({ pipeline: 'batch_enrichment', books: Array(7).fill(FOX) });

    const errors = errorFrames(observer);
    expect(errors.map((f) => f.payload)).toEqual([
      {
        code: 'PROVIDER_ERROR',
        message: expect.stringContaining('openlibrary answered HTTP 429'),
        retryable: true,
        details: expect.objectContaining({
          count: 5,
          firstIndex: 0,
          provider: 'openlibrary',
          upstreamStatus: 429,
          retryAfterSeconds: 0,
        }),
      },
      {
        code: 'PROVIDER_ERROR',
        message: expect.stringContaining('openlibrary answered HTTP 429'),
        retryable: true,
        details: expect.objectContaining({ count: 2, firstIndex: 5, provider: 'openlibrary', upstreamStatus: 429 }),
      },
    ]);
    expect(observer.types().at(-1)).toBe('job_complete');
    expect(await observer.waitClosed()).toMatchObject({ code: CLOSE_CODES.NORMAL_CLOSURE });
    const seqs = broadcastSeqs(observer);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const books = EnrichmentResultsSchema.parse(results).books;
    expect(books.map((b) => [b.index, b.status, b.provider])).toEqual(
      Array.from({ length: 7 }, (_, i) => [i, 'found', 'google-books']),
    );
  });

  it('sends one retryable frame for a step whose books fail with 5xx everywhere, and reports them per book', async () => {
    const fake = fakeFetch([
      ['https://openlibrary.org/', () => new Response('bad gateway', { status: 502 })],
      ['https://www.googleapis.com/', () => new Response('unavailable', { status: 503 })],
    ]);
    liveEnrichment(fake.fetch);
    const { observer, results } = await startWatched({
      pipeline: 'batch_enrichment',
      books: [FOX, { title: 'Dune', author: 'Frank Herbert' }],
    });

    expect(errorFrames(observer).map((f) => f.payload)).toEqual([
      {
        code: 'PROVIDER_ERROR',
        message: expect.stringContaining('openlibrary answered HTTP 502'),
        retryable: true,
        details: expect.objectContaining({ count: 2, firstIndex: 0, provider: 'openlibrary', upstreamStatus: 502 }),
      },
    ]);
    const complete = await observer.waitFor('job_complete');
    expect(complete.payload.summary).toMatchObject({ totalProcessed: 2, successCount: 0, failureCount: 2 });
    const books = EnrichmentResultsSchema.parse(results).books;
    expect(books.map((b) => [b.status, b.error?.code, b.error?.details?.upstreamStatus])).toEqual([
      ['error', 'PROVIDER_ERROR', 502],
      ['error', 'PROVIDER_ERROR', 502],
    ]);
  });

  it('sends PROVIDER_TIMEOUT for a provider that never answers; the job completes with the book failed', async () => {
    const fake = fakeFetch([
      ['https://openlibrary.org/', hangingResponder],
      ['https://www.googleapis.com/', () => json({ kind: 'books#volumes', totalItems: 0 })],
    ]);
    liveEnrichment(fake.fetch);
    const { observer, results } = await startWatched({ pipeline: 'batch_enrichment', books: [FOX] });

    expect(errorFrames(observer).map((f) => f.payload)).toEqual([
      {
        code: 'PROVIDER_TIMEOUT',
        message: expect.stringContaining('openlibrary did not answer within 20 ms'),
        retryable: true,
        details: expect.objectContaining({ count: 1, firstIndex: 0, provider: 'openlibrary' }),
      },
    ]);
    expect(observer.types().at(-1)).toBe('job_complete');
    const [book] = EnrichmentResultsSchema.parse(results).books;
    expect(book).toMatchObject({ status: 'error', error: { code: 'PROVIDER_TIMEOUT' } });
  });
});

describe('provider trouble during ai_scan', () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]).toString('base64');

  it('reports a Gemini 503 as one retryable frame on its photo step and lists every failed photo in the results', async () => {
    const gemini = fakeFetch([
      [
        'https://generativelanguage.googleapis.com/',
        () => json(geminiBooks),
        () => new Response('overloaded', { status: 503 }),
        () => new Response('overloaded', { status: 503 }),
        () => json(blocked),
      ],
    ]);
    overridePipelineForTests(
      'ai_scan',
      createScanPipeline({
        makeVision: () =>
          createVisionProvider({ PROVIDER_MODE: 'live', GEMINI_API_KEY: 'test-key' }, ZXING_READER_WASM, {
            fetch: gemini.fetch,
            policy: POLICY,
          }),
        // Detected books are enriched from the bundled catalogue.
        makeProviders: (_env, options) => createBookProviders({ PROVIDER_MODE: 'offline' }, options),
      }),
    );
    const images = [
      { index: 0, data: JPEG },
      { index: 1, data: JPEG },
      { index: 2, data: JPEG },
    ];
    const { observer, results } = await startWatched({ pipeline: 'ai_scan', images });

    expect(errorFrames(observer).map((f) => f.payload)).toEqual([
      {
        code: 'PROVIDER_ERROR',
        message: expect.stringContaining('gemini answered HTTP 503'),
        retryable: true,
        details: expect.objectContaining({ count: 1, firstIndex: 1, provider: 'gemini', upstreamStatus: 503 }),
      },
    ]);
    expect(observer.types().at(-1)).toBe('job_complete');
    const scan = ScanResultsSchema.parse(results);
    expect(scan.books.map((b) => [b.photoIndex, b.title])).toEqual([
      [0, 'Dune'],
      [0, 'Kindred'],
    ]);
    expect(scan.failures).toEqual([
      { photoIndex: 1, code: 'PROVIDER_ERROR', message: 'gemini answered HTTP 503' },
      { photoIndex: 2, code: 'PROVIDER_ERROR', message: expect.stringContaining('gemini') },
    ]);
  });
});
