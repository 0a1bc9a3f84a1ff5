// ISBN clean-up and checksum validation for imported rows: ISBN-10 and ISBN-13 in, ISBN-13 out.

/** The outcome of reading one ISBN cell: nothing there, a valid ISBN, or a bad value. */
export type IsbnReading =
  | { kind: 'absent' }
  | { kind: 'valid'; isbn13: string; isbn10?: string }
  | { kind: 'invalid'; value: string; reason: string };

// Goodreads wraps ISBNs as ="0441478123" so spreadsheets keep leading zeros;
// LibraryThing writes [0441478123]; people type hyphens and spaces.
const WRAPPING = /^=?"?\[?|\]?"?$/g;
const SEPARATORS = /[\s-]/g;

/** Strips export wrappings and separators; keeps the characters that matter. */
export function cleanIsbn(value: string): string {
  return value.trim().replace(WRAPPING, '').replace(SEPARATORS, '').toUpperCase();
}

/** True when `value` has the shape of an ISBN-10 or ISBN-13 (checksum not checked). */
export function isIsbnShaped(value: string): boolean {
  return /^\d{9}[\dX]$/.test(value) || /^\d{13}$/.test(value);
}

export function isValidIsbn10(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = isbn[i] === 'X' ? 10 : Number(isbn[i]);
    sum += digit * (10 - i);
  }
  return sum % 11 === 0;
}

export function isValidIsbn13(isbn: string): boolean {
  if (!/^\d{13}$/.test(isbn)) return false;
  return isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12];
}

function isbn13CheckDigit(first12: string): string {
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

/** ISBN-13 → ISBN-10 when the 978 prefix allows it. Assumes a valid ISBN-13. */
export function isbn13To10(isbn13: string): string | undefined {
  if (!isbn13.startsWith('978')) return undefined;
  const first9 = isbn13.slice(3, 12);
  return first9 + isbn10CheckDigit(first9);
}

/** Reads one ISBN cell: empty → absent; wrong shape or checksum → invalid with a reason. */
export function readIsbn(raw: string | undefined): IsbnReading {
  const value = cleanIsbn(raw ?? '');
  if (value === '') return { kind: 'absent' };
  if (/^\d{13}$/.test(value)) {
    if (!isValidIsbn13(value)) return { kind: 'invalid', value, reason: 'ISBN-13 checksum does not match' };
    const isbn10 = isbn13To10(value);
    return isbn10 === undefined ? { kind: 'valid', isbn13: value } : { kind: 'valid', isbn13: value, isbn10 };
  }
  if (/^\d{9}[\dX]$/.test(value)) {
    if (!isValidIsbn10(value)) return { kind: 'invalid', value, reason: 'ISBN-10 checksum does not match' };
    return { kind: 'valid', isbn13: isbn10To13(value), isbn10: value };
  }
  return { kind: 'invalid', value, reason: 'not a 10- or 13-digit ISBN' };
}
