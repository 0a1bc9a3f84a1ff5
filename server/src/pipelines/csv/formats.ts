// Recognises a reading-list export by its header row and maps its columns onto book fields.
import type { ParsedBook } from '@bookstrack/generated/schemas';

export type CsvSource = NonNullable<ParsedBook['source']>;

/** Book fields a row can carry, as raw cell text (normalised later by mapRow). */
export type FieldName =
  'title' | 'author' | 'isbn13' | 'isbn' | 'publisher' | 'year' | 'originalYear' | 'rating' | 'shelf' | 'dateRead';

export type RowFields = Partial<Record<FieldName, string>>;

export interface CsvFormat {
  source: CsvSource;
  /** Column index of each field present in this export. */
  columns: Partial<Record<FieldName, number>>;
  /** StoryGraph's ISBN/UID column may hold a non-ISBN id, which is not an error. */
  isIsbnOptional: boolean;
}

type Aliases = Record<FieldName, readonly string[]>;

// Header names as each service writes them (compared case-insensitively, trimmed).
const GOODREADS: Partial<Aliases> = {
  title: ['title'],
  author: ['author'],
  isbn13: ['isbn13'],
  isbn: ['isbn'],
  publisher: ['publisher'],
  year: ['year published'],
  originalYear: ['original publication year'],
  rating: ['my rating'],
  shelf: ['exclusive shelf'],
  dateRead: ['date read'],
};
const LIBRARYTHING: Partial<Aliases> = {
  title: ['title'],
  author: ['primary author'],
  isbn: ['isbn'],
  publisher: ['publication'],
  year: ['date'],
  rating: ['rating'],
  shelf: ['collections'],
  dateRead: ['date read'],
};
const STORYGRAPH: Partial<Aliases> = {
  title: ['title'],
  author: ['authors'],
  isbn: ['isbn/uid'],
  rating: ['star rating'],
  shelf: ['read status'],
  dateRead: ['last date read'],
};
const GENERIC: Partial<Aliases> = {
  title: ['title', 'book title', 'book', 'name'],
  author: ['author', 'authors', 'author name', 'writer'],
  isbn13: ['isbn13', 'isbn-13', 'isbn 13'],
  isbn: ['isbn', 'isbn10', 'isbn-10', 'isbn 10'],
  publisher: ['publisher'],
  year: ['year', 'publication year', 'year published', 'published'],
  rating: ['rating', 'my rating', 'stars'],
  shelf: ['shelf', 'status'],
  dateRead: ['date read', 'read date', 'finished'],
};

// A header is an export of a service when it has that service's signature columns.
const SIGNATURES: readonly { source: CsvSource; required: readonly string[]; aliases: Partial<Aliases> }[] = [
  { source: 'goodreads', required: ['book id', 'exclusive shelf'], aliases: GOODREADS },
  { source: 'librarything', required: ['primary author'], aliases: LIBRARYTHING },
  { source: 'storygraph', required: ['isbn/uid', 'read status'], aliases: STORYGRAPH },
];

function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

function locate(headers: readonly string[], aliases: Partial<Aliases>): CsvFormat['columns'] {
  const columns: CsvFormat['columns'] = {};
  for (const [field, names] of Object.entries(aliases) as [FieldName, readonly string[]][]) {
    for (const name of names) {
      const index = headers.indexOf(name);
      if (index !== -1) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

/** Detects the export format from its header row; undefined when no title column exists. */
export function detectFormat(headerCells: readonly string[]): CsvFormat | undefined {
  const headers = headerCells.map(normaliseHeader);
  const signature = SIGNATURES.find((s) => s.required.every((name) => headers.includes(name)));
  const source = signature?.source ?? 'generic';
  const columns = locate(headers, signature?.aliases ?? GENERIC);
  if (columns.title === undefined) return undefined;
  return { source, columns, isIsbnOptional: source === 'storygraph' };
}

/** Picks this format's fields out of one record's cells. */
export function pickFields(format: CsvFormat, cells: readonly string[]): RowFields {
  const fields: RowFields = {};
  for (const [field, index] of Object.entries(format.columns) as [FieldName, number][]) {
    const value = cells[index]?.trim();
    if (value) fields[field] = value;
  }
  return fields;
}
