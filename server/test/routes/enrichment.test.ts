// startEnrichmentBatch and getEnrichmentResults.
import { LIMITS } from '@bookstrack/generated/constants';
import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { overridePipelineForTests } from '../../src/jobs/pipeline-registry';
import { stubEnrichment } from '../helpers/stub-pipelines';
import { authorized, call, driveJobsByAlarms, expectResponse, postJson, waitUntilFinished } from '../helpers/http';

driveJobsByAlarms();

const BOOKS = [{ title: 'Dune', author: 'Frank Herbert', isbn: '978-0-441-47812-5' }, { title: 'Kindred' }];

beforeAll(() => overridePipelineForTests('batch_enrichment', stubEnrichment));
afterAll(() => overridePipelineForTests('batch_enrichment', undefined));

describe('POST /v1/enrichment/batch', () => {
  it('answers 202 with a server-made job id, the token and the book count', async () => {
    const body = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: BOOKS }),
      'startEnrichmentBatch',
      202,
    );
    expect(body.data).toMatchObject({ pipeline: 'batch_enrichment', totalCount: 2 });
    expect(body.data.jobId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses the client's job id and answers 409 CONFLICT when it is already taken", async () => {
    const jobId = `client-${crypto.randomUUID().slice(0, 8)}`;
    const first = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: BOOKS, jobId }),
      'startEnrichmentBatch',
      202,
    );
    expect(first.data.jobId).toBe(jobId);
    const second = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: BOOKS, jobId }),
      'startEnrichmentBatch',
      409,
    );
    expect(second.error.code).toBe('CONFLICT');
  });

  it('answers 400 EMPTY_BATCH for no books and BATCH_TOO_LARGE above the limit', async () => {
    const empty = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: [] }),
      'startEnrichmentBatch',
      400,
    );
    expect(empty.error).toEqual({ code: 'EMPTY_BATCH', message: 'books must contain at least one book' });
    const books = Array.from({ length: LIMITS.BATCH_MAX_BOOKS + 1 }, (_, i) => ({ title: `Book ${i}` }));
    const large = await expectResponse(await postJson('/v1/enrichment/batch', { books }), 'startEnrichmentBatch', 400);
    expect(large.error).toEqual({
      code: 'BATCH_TOO_LARGE',
      message: `At most ${LIMITS.BATCH_MAX_BOOKS} books per batch, got ${LIMITS.BATCH_MAX_BOOKS + 1}`,
      details: { max: LIMITS.BATCH_MAX_BOOKS, count: LIMITS.BATCH_MAX_BOOKS + 1 },
    });
  });

  it('answers 400 INVALID_ISBN for a well-formed ISBN with a bad checksum', async () => {
    const body = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: [{ title: 'Dune', isbn: '978-0-441-47812-6' }] }),
      'startEnrichmentBatch',
      400,
    );
    expect(body.error).toEqual({
      code: 'INVALID_ISBN',
      message: 'Invalid ISBN: 978-0-441-47812-6',
      details: { issues: [{ path: 'books.0.isbn', message: 'ISBN-13 checksum does not match' }] },
    });
  });

  it('answers 400 INVALID_REQUEST with the path of each bad field', async () => {
    const body = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: [{ title: '' }, { title: 'x', author: 7 }], jobId: 'no' }),
      'startEnrichmentBatch',
      400,
    );
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.details?.issues?.map((issue) => issue.path).sort()).toEqual([
      'books.0.title',
      'books.1.author',
      'jobId',
    ]);
  });

  it('answers 413 for a declared body over the request limit and 415 for text/plain', async () => {
    const request = new Request('http://api.test/v1/enrichment/batch', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(LIMITS.REQUEST_MAX_BYTES + 1),
        'CF-Connecting-IP': '192.0.2.13',
      },
      body: new ReadableStream({ pull: (controller) => controller.close() }, { highWaterMark: 0 }),
      duplex: 'half',
    } as RequestInit);
    expect((await expectResponse(await app.fetch(request, env), 'startEnrichmentBatch', 413)).error.code).toBe(
      'FILE_TOO_LARGE',
    );
    const plain = await call('/v1/enrichment/batch', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect((await expectResponse(plain, 'startEnrichmentBatch', 415)).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 429 once the client IP has used its job starts', async () => {
    const ip = '192.0.2.77';
    let last: Response | undefined;
    for (let i = 0; i <= 10; i++)
      last = await postJson('/v1/enrichment/batch', { books: BOOKS }, { 'CF-Connecting-IP': ip });
    expect((await expectResponse(last as Response, 'startEnrichmentBatch', 429)).error.code).toBe(
      'RATE_LIMIT_EXCEEDED',
    );
  });
});

describe('GET /v1/enrichment/results/{jobId}', () => {
  it('returns one entry per requested book once the job completed', async () => {
    const started = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: BOOKS }),
      'startEnrichmentBatch',
      202,
    );
    const job = { jobId: started.data.jobId, token: started.data.token };
    expect(await waitUntilFinished(job)).toBe('completed');
    const body = await expectResponse(
      await call(`/v1/enrichment/results/${job.jobId}`, authorized(job.token)),
      'getEnrichmentResults',
      200,
    );
    expect(body.data.books.map((book) => [book.index, book.input.title, book.status])).toEqual([
      [0, 'Dune', 'not_found'],
      [1, 'Kindred', 'not_found'],
    ]);
  });

  it('answers 404 for a job of another pipeline, 401 without a token, 400 for a bad id', async () => {
    const csv = await expectResponse(
      await call('/api/csv/import', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'title\nDune\n' }),
      'importCsv',
      202,
    );
    const wrongPipeline = await call(`/v1/enrichment/results/${csv.data.jobId}`, authorized(csv.data.token));
    expect((await expectResponse(wrongPipeline, 'getEnrichmentResults', 404)).error.code).toBe('NOT_FOUND');
    expect(
      (await expectResponse(await call(`/v1/enrichment/results/${csv.data.jobId}`), 'getEnrichmentResults', 401)).error
        .code,
    ).toBe('AUTH_ERROR');
    expect(
      (
        await expectResponse(
          await call('/v1/enrichment/results/%24%24%24%24%24%24%24%24', authorized(csv.data.token)),
          'getEnrichmentResults',
          400,
        )
      ).error.code,
    ).toBe('INVALID_REQUEST');
  });

  it('answers 409 before completion', async () => {
    const started = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: Array.from({ length: 100 }, (_, i) => ({ title: `B${i}` })) }),
      'startEnrichmentBatch',
      202,
    );
    const body = await expectResponse(
      await call(`/v1/enrichment/results/${started.data.jobId}`, authorized(started.data.token)),
      'getEnrichmentResults',
      409,
    );
    expect(body.error.code).toBe('CONFLICT');
  });
});
