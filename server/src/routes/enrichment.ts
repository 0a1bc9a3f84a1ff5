// Batch enrichment routes: start a batch_enrichment job (client-chosen jobId allowed) and read its results.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { BookQuery, EnrichmentBatchAccepted, EnrichmentResults, ValidationIssue } from '@bookstrack/generated/schemas';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { bearerToken } from '../http/bearer';
import { bodyLimit } from '../http/body-limit';
import { sendData } from '../http/envelope';
import { HttpError } from '../http/http-error';
import { rateLimit } from '../http/rate-limit';
import { readJsonBody } from '../http/request-body';
import { BOOK_BATCH } from '../http/validate-request';
import { operation } from '../http/validate-response';
import { readIsbn } from '../books/isbn';
import { jobStub, newJobId, requireJobId, unwrap } from './job-stub';

/** The schema checks an ISBN's shape; its checksum is checked here (400 INVALID_ISBN). */
function checkIsbns(books: BookQuery[]): void {
  const issues: ValidationIssue[] = [];
  let firstInvalid: string | undefined;
  books.forEach((book, index) => {
    const reading = readIsbn(book.isbn);
    if (reading.kind !== 'invalid') return;
    issues.push({ path: `books.${index}.isbn`, message: reading.reason });
    firstInvalid ??= book.isbn;
  });
  if (issues.length > 0) throw new HttpError(ERROR_CODE.INVALID_ISBN, `Invalid ISBN: ${firstInvalid}`, { issues });
}

export const enrichmentRoutes = new Hono<AppEnv>()
  .post(OPERATIONS.startEnrichmentBatch.honoPath, operation('startEnrichmentBatch'), bodyLimit(), rateLimit, async (c) => {
    // startEnrichmentBatch
    const request = await readJsonBody(c, 'startEnrichmentBatch', BOOK_BATCH);
    checkIsbns(request.books);
    const jobId = request.jobId ?? newJobId();
    const input = { pipeline: 'batch_enrichment' as const, books: request.books };
    const started = unwrap(await jobStub(c.env, jobId).startJob({ jobId, input }));
    const accepted: EnrichmentBatchAccepted = {
      jobId,
      token: started.token,
      expiresAt: started.expiresAt,
      pipeline: 'batch_enrichment',
      totalCount: request.books.length,
    };
    return sendData(c, accepted, 202);
  })
  .get(OPERATIONS.getEnrichmentResults.honoPath, operation('getEnrichmentResults'), async (c) => {
    // getEnrichmentResults
    const jobId = requireJobId(c.req.param('jobId'), 'jobId');
    const token = bearerToken(c);
    const results = unwrap(await jobStub(c.env, jobId).getResults(token, 'batch_enrichment'));
    return sendData(c, results as EnrichmentResults);
  });
