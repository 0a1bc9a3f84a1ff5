// Field caps of the CSV results, read from the generated schemas so they follow the spec
// (spec/schemas/ParsedBook.yaml, CsvRowError.yaml) instead of being restated here.
import { CsvRowErrorSchema, ParsedBookSchema } from '@bookstrack/generated/schemas';

function required(value: number | null, name: string): number {
  if (value === null) throw new Error(`the spec gives ${name} no bound`);
  return value;
}

const book = ParsedBookSchema.shape;

export const MAX_TITLE_CHARS = required(book.title.maxLength, 'ParsedBook.title');
export const MAX_AUTHOR_CHARS = required(book.author.unwrap().maxLength, 'ParsedBook.author');
export const MAX_PUBLISHER_CHARS = required(book.publisher.unwrap().maxLength, 'ParsedBook.publisher');
export const MAX_SHELF_CHARS = required(book.shelf.unwrap().maxLength, 'ParsedBook.shelf');
export const MAX_PUBLICATION_YEAR = required(book.publicationYear.unwrap().maxValue, 'ParsedBook.publicationYear');
/** CsvRowError.raw: the offending row, cut to this many characters. */
export const MAX_RAW_CHARS = required(CsvRowErrorSchema.shape.raw.unwrap().maxLength, 'CsvRowError.raw');
