import { EnrichedBookSchema, EnrichmentResultsSchema, type BookQuery } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/env';
import { createBookProviders, PROVIDER_CONCURRENCY } from '../../../src/providers/create-providers';
import { createEnrichmentPipeline, enrichmentPipeline } from '../../../src/pipelines/enrichment';
import type { StepContext, StoredOutcome } from '../../../src/pipelines/pipeline';
import { createTroubleLog, type TroubleLog } from '../../../src/pipelines/step-trouble';
import volumeFixture from '../../fixtures/google-books/volumes-isbn-9780140328721.json';
import editionFixture from '../../fixtures/open-library/edition-9780140328721.json';
import { fakeFetch, json } from '../../providers/fake-fetch';

const OFFLINE = { PROVIDER_MODE: 'offline' } as Env;
const FOX = { title: 'Fantastic Mr Fox', isbn: '9780140328721' };

function context(
  env: Env = OFFLINE,
  signal = new AbortController().signal,
  trouble: TroubleLog = createTroubleLog(),
): StepContext {
  return { env, now: () => Date.now(), signal, trouble };
}

async function runAll(books: BookQuery[], pipeline = enrichmentPipeline, env: Env = OFFLINE): Promise<StoredOutcome[]> {
  const plan = await pipeline.plan({ pipeline: 'batch_enrichment', books }, env);
  const outcomes = await pipeline.runStep(plan.items, context(env));
  return outcomes.map((outcome, index) => ({ index, outcome }));
}

describe('enrichmentPipeline', () => {
  it('plans one item per book with its index', async () => {
    const plan = await enrichmentPipeline.plan(
      { pipeline: 'batch_enrichment', books: [{ title: 'Dune' }, { title: 'Emma' }] },
      OFFLINE,
    );
    expect(plan.items).toEqual([
      { index: 0, book: { title: 'Dune' } },
      { index: 1, book: { title: 'Emma' } },
    ]);
    expect(plan.totalCount).toBe(2);
  });

  it("refuses to plan another pipeline's input with INVALID_REQUEST", () => {
    expect(() => enrichmentPipeline.plan({ pipeline: 'csv_import', csv: 'title\nDune' }, OFFLINE)).toThrow(
      expect.objectContaining({ code: 'INVALID_REQUEST' }),
    );
  });

  it('finds books offline by ISBN and by title, and reports the rest per book', async () => {
    const outcomes = await runAll([
      { title: 'anything', isbn: '978-0-441-17271-9' },
      { title: 'Things Fall Apart', author: 'Chinua Achebe' },
      { title: 'A Book Nobody Wrote' },
      { title: 'Broken', isbn: '9780441172718' },
    ]);
    const books = outcomes.map(({ outcome }) => EnrichedBookSchema.parse(outcome.value));
    expect(books.map((b) => [b.status, b.work?.title, b.provider])).toEqual([
      ['found', 'Dune', 'bundled-catalogue'],
      ['found', 'Things Fall Apart', 'bundled-catalogue'],
      ['not_found', undefined, undefined],
      ['error', undefined, undefined],
    ]);
    expect(books[3]?.error?.code).toBe('INVALID_ISBN');
    expect(outcomes.map(({ outcome }) => outcome.ok)).toEqual([true, true, false, false]);
    expect(books[1]?.authors).toEqual([{ name: 'Chinua Achebe', gender: 'Male', nationality: 'Nigerian' }]);
  });

  it('keeps going when a live provider fails for one book', async () => {
    const fake = fakeFetch([
      ['https://openlibrary.org/isbn/9780140328721.json', () => json(editionFixture)],
      ['https://openlibrary.org/works/', () => json({}, 404)],
      ['https://openlibrary.org/authors/', () => json({}, 404)],
      ['https://openlibrary.org/search.json', () => json({ numFound: 0, docs: [] })],
      ['https://openlibrary.org/isbn/9780441172719.json', () => new Response('down', { status: 500 })],
      ['https://www.googleapis.com/books/v1/volumes', () => json({ kind: 'books#volumes', totalItems: 0 })],
    ]);
    const live = { PROVIDER_MODE: 'live', GOOGLE_BOOKS_API_KEY: 'k' } as Env;
    const pipeline = createEnrichmentPipeline((env, options) =>
      createBookProviders(env, {
        ...options,
        fetch: fake.fetch,
        policy: { baseDelayMs: 1, maxDelayMs: 1 },
      }),
    );
    const outcomes = await runAll(
      [
        { title: 'Fantastic Mr Fox', isbn: '9780140328721' },
        { title: 'Dune', isbn: '9780441172719' },
      ],
      pipeline,
      live,
    );
    const books = outcomes.map(({ outcome }) => EnrichedBookSchema.parse(outcome.value));
    expect(books[0]).toMatchObject({
      status: 'found',
      provider: 'openlibrary',
      edition: { openLibraryEditionID: 'OL7353617M' },
    });
    expect(books[1]).toMatchObject({
      status: 'error',
      error: { code: 'PROVIDER_ERROR', details: { provider: 'openlibrary', upstreamStatus: 500, attempts: 3 } },
    });
  });

  it("notes each book's transient provider failures in the step's trouble, and no refusals", async () => {
    const fake = fakeFetch([
      ['https://openlibrary.org/isbn/9780140328721.json', () => json({ error: 'slow down' }, 429)],
      ['https://openlibrary.org/', () => new Response('forbidden', { status: 403 })],
      [/volumes\?q=isbn%3A9780140328721/, () => json(volumeFixture)],
      ['https://www.googleapis.com/', () => json({ kind: 'books#volumes', totalItems: 0 })],
    ]);
    const pipeline = createEnrichmentPipeline((env, options) =>
      createBookProviders(env, { ...options, fetch: fake.fetch, policy: { baseDelayMs: 1, maxDelayMs: 1 } }),
    );
    const live = { PROVIDER_MODE: 'live', GOOGLE_BOOKS_API_KEY: 'k' } as Env;
    const books = [{ title: 'Dune', isbn: '9780441172719' }, { ...FOX }, { ...FOX }];
    const plan = await pipeline.plan({ pipeline: 'batch_enrichment', books }, live);
    const trouble = createTroubleLog();
    const outcomes = await pipeline.runStep(plan.items, context(live, undefined, trouble));

    // Books 1 and 2 fall back to Google Books; book 0 meets only a refusal (403), which is no trouble.
    expect(outcomes.map((o) => (o.value as { status: string; provider?: string }).provider ?? o.value?.status)).toEqual(
      ['error', 'google-books', 'google-books'],
    );
    expect(trouble.summary()).toEqual({
      code: 'PROVIDER_ERROR',
      message: 'openlibrary answered HTTP 429 (2 items of this step affected)',
      count: 2,
      firstIndex: 1,
      details: { provider: 'openlibrary', upstreamStatus: 429, attempts: 3 },
    });
  });

  it('never has more provider requests in flight than PROVIDER_CONCURRENCY during a step', async () => {
    let inFlight = 0;
    let peak = 0;
    const slowNotFound = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return json({ error: 'notfound' }, 404);
    };
    const fake = fakeFetch([
      ['https://openlibrary.org/', slowNotFound],
      [
        'https://www.googleapis.com/',
        async () => {
          await slowNotFound();
          return json({ kind: 'books#volumes', totalItems: 0 });
        },
      ],
    ]);
    const pipeline = createEnrichmentPipeline((env, options) =>
      createBookProviders(env, { ...options, fetch: fake.fetch }),
    );
    const books = Array.from({ length: 5 }, (_, i) => ({ title: `Missing ${i}`, isbn: '9780441172719' }));
    const outcomes = await runAll(books, pipeline, { PROVIDER_MODE: 'live', GOOGLE_BOOKS_API_KEY: 'k' } as Env);
    expect(outcomes.map(({ outcome }) => (outcome.value as { status: string }).status)).toEqual(
      Array(5).fill('not_found'),
    );
    // 5 books × (2 ISBN lookups + 2 searches) went out, at most PROVIDER_CONCURRENCY at a time.
    expect(fake.calls).toHaveLength(20);
    expect(peak).toBe(PROVIDER_CONCURRENCY);
  });

  it('stops a step with the abort reason when the job is canceled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('Job canceled'));
    const plan = await enrichmentPipeline.plan({ pipeline: 'batch_enrichment', books: [{ title: 'Dune' }] }, OFFLINE);
    await expect(enrichmentPipeline.runStep(plan.items, context(OFFLINE, controller.signal))).rejects.toThrow(
      'Job canceled',
    );
  });

  it('builds results in request order from outcomes stored in any order', async () => {
    const outcomes = await runAll([{ title: 'Emma' }, { title: 'Dune' }, { title: 'Nope Nope' }]);
    const results = enrichmentPipeline.buildResults([...outcomes].reverse());
    const parsed = EnrichmentResultsSchema.parse({ ...results, expiresAt: '2026-01-01T00:00:00.000Z' });
    expect(parsed.books.map((b) => [b.index, b.status])).toEqual([
      [0, 'found'],
      [1, 'found'],
      [2, 'not_found'],
    ]);
  });

  it('describes an item by its title and author', () => {
    expect(enrichmentPipeline.describeItem({ index: 0, book: { title: 'Dune', author: 'Frank Herbert' } })).toBe(
      'Dune — Frank Herbert',
    );
    expect(enrichmentPipeline.describeItem({ index: 1, book: { title: 'Emma' } })).toBe('Emma');
  });
});
