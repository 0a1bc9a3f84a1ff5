// ISBN normalisation for lookups: every provider is asked by checksum-valid ISBN-13.
const ISBN_SEPARATORS = /[\s-]/g;

export function isValidIsbn13(isbn: string): boolean {
  if (!/^97[89]\d{10}$/.test(isbn)) return false;
  return isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12];
}

export function isValidIsbn10(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = isbn[i] as string;
    sum += (ch === 'X' ? 10 : Number(ch)) * (10 - i);
  }
  return sum % 11 === 0;
}

/** Check digit of the first 12 digits of an ISBN-13 (EAN-13 weights 1,3,1,3...). */
export function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** ISBN-10 or ISBN-13 (hyphens/spaces allowed) → ISBN-13, or null when malformed or checksum-invalid. */
export function normalizeIsbn(raw: string): string | null {
  const compact = raw.replace(ISBN_SEPARATORS, '').toUpperCase();
  if (compact.length === 13) return isValidIsbn13(compact) ? compact : null;
  if (compact.length === 10 && isValidIsbn10(compact)) {
    const first12 = `978${compact.slice(0, 9)}`;
    return first12 + isbn13CheckDigit(first12);
  }
  return null;
}

/** ISBN-13 with prefix 978 → ISBN-10 (979 ISBNs have no ISBN-10 form). */
export function isbn13To10(isbn13: string): string | null {
  if (!isbn13.startsWith('978')) return null;
  const body = isbn13.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}
