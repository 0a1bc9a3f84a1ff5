// Turns one record's fields into a ParsedBook, or a row error naming the line (missing title, bad ISBN).
import { ERROR_CODE } from '@bookstrack/generated/constants';
import type { CsvRowError, ErrorCode, ParsedBook } from '@bookstrack/generated/schemas';
import type { CsvFormat, CsvSource, RowFields } from './formats';
import { cleanIsbn, isIsbnShaped, readIsbn } from '../../books/isbn';
import { MAX_AUTHOR_CHARS, MAX_PUBLISHER_CHARS, MAX_SHELF_CHARS, MAX_TITLE_CHARS } from './limits';
import { readDate, readPublisher, readRating, readShelf, readYear } from './values';

export type RowOutcome = { ok: true; book: ParsedBook } | { ok: false; code: ErrorCode; error: CsvRowError };

export interface RowInput {
  line: number;
  source: CsvSource;
  fields: RowFields;
  isIsbnOptional: CsvFormat['isIsbnOptional'];
}

type IsbnPick = { ok: true; isbn13?: string; isbn10?: string } | { ok: false; message: string };

function pickIsbn(fields: RowFields, isIsbnOptional: boolean): IsbnPick {
  let picked: IsbnPick = { ok: true };
  for (const cell of [fields.isbn13, fields.isbn]) {
    const reading = readIsbn(cell);
    if (reading.kind === 'invalid') {
      // StoryGraph's ISBN/UID column holds its own ids for books without an ISBN.
      if (isIsbnOptional && !isIsbnShaped(cleanIsbn(cell ?? ''))) continue;
      return { ok: false, message: `ISBN ${quote(reading.value)} is invalid: ${reading.reason}` };
    }
    if (reading.kind === 'valid' && picked.isbn13 === undefined) {
      picked = { ok: true, isbn13: reading.isbn13, ...(reading.isbn10 ? { isbn10: reading.isbn10 } : {}) };
    }
  }
  return picked;
}

// Keeps a quoted bad cell short inside CsvRowError.message.
const MAX_QUOTED_CELL_CHARS = 40;

function quote(value: string): string {
  return `"${value.length > MAX_QUOTED_CELL_CHARS ? `${value.slice(0, MAX_QUOTED_CELL_CHARS)}…` : value}"`;
}

function cap(value: string | undefined, max: number): string | undefined {
  return value === undefined ? undefined : value.slice(0, max);
}

export function mapRow({ line, source, fields, isIsbnOptional }: RowInput): RowOutcome {
  if (fields.title === undefined) {
    return { ok: false, code: ERROR_CODE.INVALID_REQUEST, error: { line, message: 'missing title' } };
  }
  if (fields.title.length > MAX_TITLE_CHARS) {
    return {
      ok: false,
      code: ERROR_CODE.INVALID_REQUEST,
      error: { line, message: `title longer than ${MAX_TITLE_CHARS} characters` },
    };
  }
  const isbn = pickIsbn(fields, isIsbnOptional);
  if (!isbn.ok) return { ok: false, code: ERROR_CODE.INVALID_ISBN, error: { line, message: isbn.message } };
  // Fields are set one by one, absent ones skipped, in this order (the JSON of a book keeps it):
  // one object per row instead of a spread of small ones (the step's hot loop).
  const book: ParsedBook = { title: fields.title, line };
  const author = cap(fields.author, MAX_AUTHOR_CHARS);
  if (author !== undefined) book.author = author;
  if (isbn.isbn13 !== undefined) book.isbn = isbn.isbn13;
  if (isbn.isbn10 !== undefined) book.isbn10 = isbn.isbn10;
  const publisher = cap(
    source === 'librarything' ? readPublisher(fields.publisher) : fields.publisher,
    MAX_PUBLISHER_CHARS,
  );
  if (publisher !== undefined) book.publisher = publisher;
  const year = readYear(fields.year) ?? readYear(fields.originalYear);
  if (year !== undefined) book.publicationYear = year;
  const rating = readRating(fields.rating);
  if (rating !== undefined) book.rating = rating;
  const shelf = cap(source === 'librarything' ? readShelf(fields.shelf) : fields.shelf, MAX_SHELF_CHARS);
  if (shelf !== undefined) book.shelf = shelf;
  const dateRead = readDate(fields.dateRead);
  if (dateRead !== undefined) book.dateRead = dateRead;
  book.source = source;
  return { ok: true, book };
}
