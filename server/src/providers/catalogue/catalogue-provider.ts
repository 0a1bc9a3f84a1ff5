// The offline BookProvider (PROVIDER_MODE "offline": local development and tests): answers from the
// bundled catalogue in memory, so enrichment and scans work with no network at all.
import type { DataProvider } from '@bookstrack/generated/schemas';
import type { BookProvider, BookRecord } from '../book-provider';
import { buildAuthor, buildEdition, buildWork } from '../dto-builders';
import { isbn13To10 } from '../../books/isbn';
import { CATALOGUE, buildCatalogueIndex, searchCatalogue, type CatalogueIndex } from './catalogue';
import { CATALOGUE_AUTHORS } from './catalogue-authors';
import type { CatalogueBook } from './catalogue-book';

/** Development data is credited as itself, never as the live provider it stands in for. */
export const CATALOGUE_PROVIDER_ID: DataProvider = 'bundled-catalogue';

/**
 * Only what the catalogue lists: the edition's binding is not recorded, so `format` is left out,
 * and its title is the work's, which EditionDTO.title (a differing edition title) does not repeat.
 */
export function catalogueRecord(entry: CatalogueBook): BookRecord {
  const isbn10 = isbn13To10(entry.isbn13);
  return {
    work: buildWork(
      {
        title: entry.title,
        subjectTags: [...entry.subjects],
        firstPublicationYear: entry.firstPublicationYear,
      },
      CATALOGUE_PROVIDER_ID,
    ),
    edition: buildEdition(
      {
        isbns: isbn10 ? [entry.isbn13, isbn10] : [entry.isbn13],
        isbn: entry.isbn13,
        publisher: entry.publisher,
      },
      CATALOGUE_PROVIDER_ID,
    ),
    authors: entry.authors.map((name) => buildAuthor({ name, ...CATALOGUE_AUTHORS[name] })),
  };
}

export function createCatalogueProvider(index: CatalogueIndex = defaultIndex()): BookProvider {
  return {
    id: CATALOGUE_PROVIDER_ID,
    async lookupByIsbn(isbn13, signal) {
      signal.throwIfAborted();
      const entry = index.byIsbn.get(isbn13);
      return entry ? catalogueRecord(entry) : null;
    },
    async search(title, author, signal) {
      signal.throwIfAborted();
      const entry = searchCatalogue(index, title, author);
      return entry ? catalogueRecord(entry) : null;
    },
  };
}

let sharedIndex: CatalogueIndex | undefined;

/** Built once per isolate: the catalogue is immutable. */
function defaultIndex(): CatalogueIndex {
  sharedIndex ??= buildCatalogueIndex(CATALOGUE);
  return sharedIndex;
}
