// One BookQuery → one EnrichedBook through the provider chain. Provider failures and not-found
// become per-book outcomes; only a canceled job escapes (as the abort reason).
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { EnrichedBookSchema, type ApiError, type BookQuery, type EnrichedBook } from '@bookstrack/generated/schemas';
import type { BookProvider } from '../../providers/book-provider';
import { lookupBook, type OnProviderFailure } from '../../providers/provider-chain';
import { API_ERROR_MESSAGE_MAX_CHARS } from '../../providers/provider-error';
import type { ItemOutcome } from '../pipeline';

const STATUS = EnrichedBookSchema.shape.status.enum;

export const NOT_FOUND_ERROR: ApiError = { code: ERROR_CODE.NOT_FOUND, message: 'No provider knows this book' };

export function toEnrichedBook(
  index: number,
  input: BookQuery,
  outcome: Awaited<ReturnType<typeof lookupBook>>,
): EnrichedBook {
  switch (outcome.status) {
    case STATUS.found: {
      const { work, edition, authors } = outcome.record;
      return {
        index,
        input,
        status: STATUS.found,
        work,
        authors,
        provider: outcome.provider,
        ...(edition ? { edition } : {}),
      };
    }
    case STATUS.not_found:
      return { index, input, status: STATUS.not_found };
    case STATUS.error:
      return { index, input, status: STATUS.error, error: outcome.error };
  }
}

/** found is a success; not_found and error are failures that carry the book in `value`. */
export function toItemOutcome(book: EnrichedBook): ItemOutcome {
  if (book.status === STATUS.found) return { ok: true, value: book };
  return { ok: false, error: book.error ?? NOT_FOUND_ERROR, value: book };
}

export async function enrichBook(
  providers: readonly BookProvider[],
  index: number,
  input: BookQuery,
  signal: AbortSignal,
  onFailure?: OnProviderFailure,
): Promise<EnrichedBook> {
  try {
    return toEnrichedBook(index, input, await lookupBook(providers, input, signal, onFailure));
  } catch (error) {
    signal.throwIfAborted();
    // A bug in a mapping must cost one book, never the batch.
    const message = error instanceof Error ? error.message : String(error);
    const failure = {
      code: ERROR_CODE.INTERNAL_ERROR,
      message: message.slice(0, API_ERROR_MESSAGE_MAX_CHARS) || 'Lookup failed',
    };
    return { index, input, status: STATUS.error, error: failure };
  }
}
