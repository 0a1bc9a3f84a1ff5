// Turns one record's fields into a ParsedBook, or a row error naming the line (missing title, bad ISBN).
import type { CsvRowError, ErrorCode, ParsedBook } from '@bookstrack/generated/schemas';
import type { CsvFormat, CsvSource, RowFields } from './formats';
import { cleanIsbn, isIsbnShaped, readIsbn } from './isbn';
import { readDate, readPublisher, readRating, readShelf, readYear } from './values';

export type RowOutcome =
  | { ok: true; book: ParsedBook }
  | { ok: false; code: ErrorCode; error: CsvRowError };

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
      return { ok: false, message: `ISBN "${cell}" is invalid: ${reading.reason}` };
    }
    if (reading.kind === 'valid' && picked.isbn13 === undefined) {
      picked = { ok: true, isbn13: reading.isbn13, ...(reading.isbn10 ? { isbn10: reading.isbn10 } : {}) };
    }
  }
  return picked;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function mapRow({ line, source, fields, isIsbnOptional }: RowInput): RowOutcome {
  if (fields.title === undefined) {
    return { ok: false, code: 'INVALID_REQUEST', error: { line, message: 'missing title' } };
  }
  const isbn = pickIsbn(fields, isIsbnOptional);
  if (!isbn.ok) return { ok: false, code: 'INVALID_ISBN', error: { line, message: isbn.message } };
  const book: ParsedBook = {
    title: fields.title,
    line,
    ...optional('author', fields.author),
    ...optional('isbn', isbn.isbn13),
    ...optional('isbn10', isbn.isbn10),
    ...optional('publisher', source === 'librarything' ? readPublisher(fields.publisher) : fields.publisher),
    ...optional('publicationYear', readYear(fields.year) ?? readYear(fields.originalYear)),
    ...optional('rating', readRating(fields.rating)),
    ...optional('shelf', source === 'librarything' ? readShelf(fields.shelf) : fields.shelf),
    ...optional('dateRead', readDate(fields.dateRead)),
    source,
  };
  return { ok: true, book };
}
