// What every metadata source offers the pipelines: lookup by ISBN-13, then search by title and
// author, each answering one canonical record or null. Failures throw ProviderError.
import type { AuthorDTO, DataProvider, EditionDTO, WorkDTO } from '@bookstrack/generated/schemas';

/** One canonical book: the work, the matched edition when known, and its authors (never null). */
export interface BookRecord {
  work: WorkDTO;
  edition?: EditionDTO;
  authors: AuthorDTO[];
}

export interface BookProvider {
  /** The DataProvider credited in primaryProvider/contributors for this source's data. */
  readonly id: DataProvider;
  /** `isbn13` is already normalised and checksum-valid. */
  lookupByIsbn(isbn13: string, signal: AbortSignal): Promise<BookRecord | null>;
  search(title: string, author: string | undefined, signal: AbortSignal): Promise<BookRecord | null>;
}
