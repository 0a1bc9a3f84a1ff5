// The batch_enrichment pipeline: one work item per requested book; each step looks its books up
// concurrently through the provider chain (one request limiter per step, i.e. per job at a time).
// Partial failures are per-book outcomes, and transient provider trouble is noted in the step's
// TroubleLog (one retryable frame per step); the job itself only fails on a bug in the engine.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import type { BookQuery, EnrichedBook, EnrichmentResults } from '@bookstrack/generated/schemas';
import type { WorkerVars } from '../../vars';
import type { BookProvider } from '../../providers/book-provider';
import { createConcurrencyLimiter } from '../../providers/concurrency-limiter';
import {
  createBookProviders,
  isLiveMode,
  PROVIDER_CONCURRENCY,
  type ProviderOptions,
} from '../../providers/create-providers';
import type { ItemOutcome, JobInput, Pipeline, PlannedJob, StepContext, StoredOutcome, WorkItem } from '../pipeline';
import { enrichBook, toItemOutcome } from './enrich-book';

/**
 * Books per step. A live lookup costs up to ~5 requests (Open Library edition, work, authors, then
 * Google Books for contributors), and one alarm invocation may make only 50 subrequests on the
 * Workers free plan: 5 books stay within it and within a few seconds.
 */
export const ENRICHMENT_STEP_SIZE = 5;
const ESTIMATED_MS_PER_BOOK = { offline: 1, live: 600 } as const;

export interface EnrichmentItem extends WorkItem {
  index: number;
  book: BookQuery;
}

export type BookProviderFactory = (env: WorkerVars, options: ProviderOptions) => BookProvider[];

function asItem(item: WorkItem): EnrichmentItem {
  return item as EnrichmentItem;
}

function planEnrichment(input: JobInput, env: WorkerVars): PlannedJob {
  if (input.pipeline !== 'batch_enrichment') {
    throw Object.assign(new Error(`batch_enrichment cannot plan a ${input.pipeline} job`), {
      code: ERROR_CODE.INVALID_REQUEST,
    });
  }
  const items: EnrichmentItem[] = input.books.map((book, index) => ({ index, book }));
  const perBook = ESTIMATED_MS_PER_BOOK[isLiveMode(env) ? 'live' : 'offline'];
  return {
    items,
    totalCount: items.length,
    estimatedDurationMs: Math.ceil((items.length * perBook) / (isLiveMode(env) ? PROVIDER_CONCURRENCY : 1)),
  };
}

export function createEnrichmentPipeline(makeProviders: BookProviderFactory = createBookProviders): Pipeline {
  return {
    type: 'batch_enrichment',
    stepSize: ENRICHMENT_STEP_SIZE,
    plan: planEnrichment,

    async runStep(items: WorkItem[], ctx: StepContext): Promise<ItemOutcome[]> {
      const limiter = createConcurrencyLimiter(PROVIDER_CONCURRENCY);
      const providers = makeProviders(ctx.env, { limiter });
      const books = await Promise.all(
        items
          .map(asItem)
          .map((item) =>
            enrichBook(providers, item.index, item.book, ctx.signal, (error) => ctx.trouble.note(error, item.index)),
          ),
      );
      return books.map(toItemOutcome);
    },

    describeItem(item: WorkItem): string {
      const { book } = asItem(item);
      return book.author ? `${book.title} — ${book.author}` : book.title;
    },

    buildResults(outcomes: StoredOutcome[]): Omit<EnrichmentResults, 'expiresAt'> {
      const books = outcomes
        .flatMap(({ outcome }) => (outcome.value ? [outcome.value as unknown as EnrichedBook] : []))
        .sort((a, b) => a.index - b.index);
      return { books };
    },
  };
}

export const enrichmentPipeline: Pipeline = createEnrichmentPipeline();
