// One BookQuery → one EnrichedBook through the provider chain. Provider failures and not-found
// become per-book outcomes; only a canceled job escapes (as the abort reason).
import type { ApiError, BookQuery, EnrichedBook } from '@bookstrack/generated/schemas';
import type { BookProvider } from '../../providers/book-provider';
import { lookupBook } from '../../providers/provider-chain';
import type { ItemOutcome } from '../pipeline';

export const NOT_FOUND_ERROR: ApiError = { code: 'NOT_FOUND', message: 'No provider knows this book' };

export function toEnrichedBook(index: number, input: BookQuery, outcome: Awaited<ReturnType<typeof lookupBook>>): EnrichedBook {
  switch (outcome.status) {
    case 'found': {
      const { work, edition, authors } = outcome.record;
      return {
        index, input, status: 'found', work, authors, provider: outcome.provider,
        ...(edition ? { edition } : {}),
      };
    }
    case 'not_found':
      return { index, input, status: 'not_found' };
    case 'error':
      return { index, input, status: 'error', error: outcome.error };
  }
}

/** found is a success; not_found and error are failures that carry the book in `value`. */
export function toItemOutcome(book: EnrichedBook): ItemOutcome {
  if (book.status === 'found') return { ok: true, value: book };
  return { ok: false, error: book.error ?? NOT_FOUND_ERROR, value: book };
}

export async function enrichBook(
  providers: readonly BookProvider[], index: number, input: BookQuery, signal: AbortSignal,
): Promise<EnrichedBook> {
  try {
    return toEnrichedBook(index, input, await lookupBook(providers, input, signal));
  } catch (error) {
    signal.throwIfAborted();
    // A bug in a mapping must cost one book, never the batch.
    const message = error instanceof Error ? error.message : String(error);
    return { index, input, status: 'error', error: { code: 'INTERNAL_ERROR', message: message.slice(0, 1000) || 'Lookup failed' } };
  }
}
