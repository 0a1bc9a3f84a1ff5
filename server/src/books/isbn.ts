// The one ISBN module: clean-up of what people and exports write, checksums, 10↔13 conversion.
// Imported rows, request validation, provider lookups and barcode reads all agree on what an ISBN is.

/** The outcome of reading one ISBN value: nothing there, a valid ISBN, or a bad value with a reason. */
export type IsbnReading =
  | { kind: 'absent' }
  | { kind: 'valid'; isbn13: string; isbn10?: string }
  | { kind: 'invalid'; value: string; reason: string };

// Goodreads wraps ISBNs as ="0441478123" so spreadsheets keep leading zeros;
// LibraryThing writes [0441478123]; people type hyphens and spaces.
const WRAPPING = /^=?"?\[?|\]?"?$/g;
const SEPARATORS = /[\s-]/g;
const ISBN10_SHAPE = /^\d{9}[\dX]$/;
const DIGITS13 = /^\d{13}$/;
/** ISBN-13s are EAN-13s in the "Bookland" ranges 978 and 979. */
const BOOKLAND_PREFIX = /^97[89]/;

/** Strips export wrappings and separators and upper-cases a trailing x. */
export function cleanIsbn(value: string): string {
  return value.trim().replace(WRAPPING, '').replace(SEPARATORS, '').toUpperCase();
}

/** True when `value` has the shape of an ISBN-10 or a 13-digit code (checksum not checked). */
export function isIsbnShaped(value: string): boolean {
  return ISBN10_SHAPE.test(value) || DIGITS13.test(value);
}

export function isValidIsbn10(isbn: string): boolean {
  if (!ISBN10_SHAPE.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (isbn[i] === 'X' ? 10 : Number(isbn[i])) * (10 - i);
  return sum % 11 === 0;
}

/** A 978/979 EAN-13 whose check digit verifies. */
export function isValidIsbn13(isbn: string): boolean {
  if (!DIGITS13.test(isbn) || !BOOKLAND_PREFIX.test(isbn)) return false;
  return isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12];
}

/** Check digit of the first 12 digits of an ISBN-13 (EAN-13 weights 1,3,1,3...). */
export function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** ISBN-10 → ISBN-13 (978 prefix). Assumes a valid ISBN-10. */
export function isbn10To13(isbn10: string): string {
  const first12 = `978${isbn10.slice(0, 9)}`;
  return first12 + isbn13CheckDigit(first12);
}

/** ISBN-13 → ISBN-10 when the 978 prefix allows it (979 ISBNs have no ISBN-10 form). Assumes a valid ISBN-13. */
export function isbn13To10(isbn13: string): string | undefined {
  if (!isbn13.startsWith('978')) return undefined;
  const first9 = isbn13.slice(3, 12);
  return first9 + isbn10CheckDigit(first9);
}

/** Reads one ISBN value: empty → absent; wrong shape, range or checksum → invalid with a reason. */
export function readIsbn(raw: string | undefined): IsbnReading {
  const value = cleanIsbn(raw ?? '');
  if (value === '') return { kind: 'absent' };
  if (DIGITS13.test(value)) {
    if (!BOOKLAND_PREFIX.test(value)) return { kind: 'invalid', value, reason: 'an ISBN-13 starts with 978 or 979' };
    if (!isValidIsbn13(value)) return { kind: 'invalid', value, reason: 'ISBN-13 checksum does not match' };
    const isbn10 = isbn13To10(value);
    return isbn10 === undefined ? { kind: 'valid', isbn13: value } : { kind: 'valid', isbn13: value, isbn10 };
  }
  if (ISBN10_SHAPE.test(value)) {
    if (!isValidIsbn10(value)) return { kind: 'invalid', value, reason: 'ISBN-10 checksum does not match' };
    return { kind: 'valid', isbn13: isbn10To13(value), isbn10: value };
  }
  return { kind: 'invalid', value, reason: 'not a 10- or 13-digit ISBN' };
}

/** Any accepted ISBN form → its ISBN-13, or undefined when absent, malformed or checksum-invalid. */
export function normalizeIsbn(raw: string): string | undefined {
  const reading = readIsbn(raw);
  return reading.kind === 'valid' ? reading.isbn13 : undefined;
}
