// Looks one book up across providers: ISBN at each provider first, then title/author search at
// each; the first hit wins and becomes primaryProvider. The remaining providers are then asked
// for the winner's ISBN, only to fill gaps and be listed in contributors.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { EnrichedBookSchema, type ApiError, type BookQuery, type DataProvider } from '@bookstrack/generated/schemas';
import type { BookProvider, BookRecord } from './book-provider';
import { normalizeIsbn } from '../books/isbn';
import { mergeRecords } from './record-merge';
import { withCompleteness } from './completeness';
import { toProviderApiError } from './provider-error';

/** A lookup ends like an EnrichedBook: found, not_found or error (the enrichment pipeline passes it on). */
const STATUS = EnrichedBookSchema.shape.status.enum;

export type LookupOutcome =
  | { status: typeof STATUS.found; record: BookRecord; provider: DataProvider }
  | { status: typeof STATUS.not_found }
  | { status: typeof STATUS.error; error: ApiError };

type Attempt = (provider: BookProvider) => Promise<BookRecord | null>;

/** Told of every provider failure the lookup survives (by falling back, or by reporting the book). */
export type OnProviderFailure = (error: unknown) => void;

interface FirstHit {
  hit?: { record: BookRecord; provider: BookProvider };
  errors: ApiError[];
}

async function firstHit(
  providers: readonly BookProvider[],
  attempt: Attempt,
  signal: AbortSignal,
  onFailure: OnProviderFailure,
): Promise<FirstHit> {
  const errors: ApiError[] = [];
  for (const provider of providers) {
    try {
      const record = await attempt(provider);
      if (record) return { hit: { record, provider }, errors };
    } catch (error) {
      // A canceled job stops here; provider failures are collected and the next one is tried.
      signal.throwIfAborted();
      onFailure(error);
      errors.push(toProviderApiError(error, provider.id));
    }
  }
  return { errors };
}

async function addContributors(
  hit: { record: BookRecord; provider: BookProvider },
  others: readonly BookProvider[],
  signal: AbortSignal,
  onFailure: OnProviderFailure,
): Promise<BookRecord> {
  const isbn = hit.record.edition?.isbn;
  if (!isbn || others.length === 0) return hit.record;
  const extras = await Promise.all(
    others.map(async (provider) => {
      try {
        return { provider, record: await provider.lookupByIsbn(isbn, signal) };
      } catch (error) {
        // The book is already found; a secondary source failing only means fewer extras.
        signal.throwIfAborted();
        onFailure(error);
        return { provider, record: null };
      }
    }),
  );
  return extras.reduce(
    (record, extra) => (extra.record ? mergeRecords(record, extra.record, extra.provider.id) : record),
    hit.record,
  );
}

export async function lookupBook(
  providers: readonly BookProvider[],
  query: BookQuery,
  signal: AbortSignal,
  onFailure: OnProviderFailure = () => undefined,
): Promise<LookupOutcome> {
  const isbn13 = query.isbn ? normalizeIsbn(query.isbn) : null;
  const byIsbn = isbn13
    ? await firstHit(providers, (p) => p.lookupByIsbn(isbn13, signal), signal, onFailure)
    : { errors: [] };
  // A barcode-only scan detection has no title: there is nothing to search for.
  const canSearch = query.title.trim() !== '';
  const found =
    byIsbn.hit || !canSearch
      ? byIsbn
      : await firstHit(providers, (p) => p.search(query.title, query.author, signal), signal, onFailure);

  if (found.hit) {
    const others = providers.filter((p) => p !== found.hit?.provider);
    const record = await addContributors(found.hit, others, signal, onFailure);
    return { status: STATUS.found, record: withCompleteness(record), provider: found.hit.provider.id };
  }
  const errors = found === byIsbn ? byIsbn.errors : [...byIsbn.errors, ...found.errors];
  if (errors[0]) return { status: STATUS.error, error: errors[0] };
  if (query.isbn && !isbn13) {
    return {
      status: STATUS.error,
      error: { code: ERROR_CODE.INVALID_ISBN, message: `ISBN ${query.isbn} has an invalid checksum` },
    };
  }
  return { status: STATUS.not_found };
}
