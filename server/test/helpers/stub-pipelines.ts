// Minimal batch_enrichment and ai_scan pipelines for route tests, installed through the registry's
// test-only override (honoured only when ENVIRONMENT is "test"), so the HTTP side of those
// operations is tested independently of the provider work.
import type { BookQuery, EnrichedBook } from '@bookstrack/generated/schemas';
import type { JobInput } from '../../src/durable/job-api';
import type { EnginePipeline } from '../../src/jobs/pipeline-registry';
import type { ItemOutcome, StoredOutcome, WorkItem } from '../../src/pipelines/pipeline';

export const stubEnrichment: EnginePipeline = {
  type: 'batch_enrichment',
  stepSize: 10,
  plan: (input: JobInput) => {
    const books = input.pipeline === 'batch_enrichment' ? input.books : [];
    return { items: books.map((book, index) => ({ index, input: book })), totalCount: books.length };
  },
  runStep: async (items: WorkItem[]): Promise<ItemOutcome[]> =>
    items.map((item) => ({ ok: true, value: { index: item['index'], input: item['input'], status: 'not_found' } })),
  describeItem: (item: WorkItem) => (item['input'] as BookQuery).title,
  buildResults: (outcomes: StoredOutcome[]) => ({
    books: outcomes.map(({ outcome }) => outcome.value as unknown as EnrichedBook),
  }),
};

export const stubScan: EnginePipeline = {
  type: 'ai_scan',
  stepSize: 1,
  plan: (input: JobInput) => {
    const images = input.pipeline === 'ai_scan' ? input.images : [];
    return { items: images.map((image) => ({ photoIndex: image.index })), totalCount: images.length };
  },
  runStep: async (items: WorkItem[]): Promise<ItemOutcome[]> => items.map(() => ({ ok: true, value: {} })),
  describeItem: (item: WorkItem) => `Photo ${String(item['photoIndex'])}`,
  buildResults: () => ({ totalDetected: 0, approved: 0, needsReview: 0, books: [], failures: [] }),
};

/** A pipeline whose planning fails with the contract's INTERNAL_ERROR code. */
export function failingPlan(base: EnginePipeline): EnginePipeline {
  return {
    ...base,
    plan: () => {
      throw Object.assign(new Error('planner exploded'), { code: 'INTERNAL_ERROR' });
    },
  };
}

/** A pipeline that runs but cannot build its results (the RPC call throws). */
export function failingResults(base: EnginePipeline): EnginePipeline {
  return {
    ...base,
    buildResults: () => {
      throw new Error('results exploded');
    },
  };
}
