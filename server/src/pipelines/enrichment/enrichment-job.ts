// startEnrichmentBatch / getEnrichmentResults: 1–100 books, a client may choose its job id; each
// ISBN's checksum is checked here (the schema checks only its shape).
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import type {
  BookQuery,
  EnrichmentBatchAccepted,
  EnrichmentBatchRequest,
  ValidationIssue,
} from '@bookstrack/generated/schemas';
import { readIsbn } from '../../books/isbn';
import type { JobType } from '../job-type';
import { JobInputError } from '../pipeline';
import { enrichmentPipeline } from './enrichment-pipeline';

function checkIsbns(books: readonly BookQuery[]): void {
  const issues: ValidationIssue[] = [];
  let firstInvalid: string | undefined;
  books.forEach((book, index) => {
    const reading = readIsbn(book.isbn);
    if (reading.kind !== 'invalid') return;
    issues.push({ path: `books.${index}.isbn`, message: reading.reason });
    firstInvalid ??= book.isbn;
  });
  if (issues.length > 0) throw new JobInputError(ERROR_CODE.INVALID_ISBN, `Invalid ISBN: ${firstInvalid}`, { issues });
}

export const enrichmentJob: JobType<EnrichmentBatchRequest, EnrichmentBatchAccepted> = {
  pipeline: enrichmentPipeline,
  startOperationId: 'startEnrichmentBatch',
  resultsOperationId: 'getEnrichmentResults',
  batch: { field: 'books', max: LIMITS.BATCH_MAX_BOOKS, noun: 'book' },
  jobIdOf: (body) => body.jobId,
  toInput(body) {
    checkIsbns(body.books);
    return { pipeline: 'batch_enrichment', books: body.books };
  },
  accepted: ({ jobId, token, expiresAt }, input) => ({
    jobId,
    token,
    expiresAt,
    pipeline: 'batch_enrichment',
    totalCount: input.pipeline === 'batch_enrichment' ? input.books.length : 0,
  }),
};
