// The shared ISBN module: clean-up, checksums, 10↔13 conversion, reading and normalising.
import { describe, expect, it } from 'vitest';
import {
  cleanIsbn,
  isbn10To13,
  isbn13To10,
  isIsbnShaped,
  isValidIsbn10,
  isValidIsbn13,
  normalizeIsbn,
  readIsbn,
} from '../../src/books/isbn';

describe('cleanIsbn', () => {
  it('unwraps the Goodreads ="…" form', () => {
    expect(cleanIsbn('="0441478123"')).toBe('0441478123');
  });
  it('unwraps the LibraryThing […] form and drops hyphens and spaces', () => {
    expect(cleanIsbn('[978-0-441 47812-5]')).toBe('9780441478125');
  });
  it('upper-cases a trailing x check digit', () => {
    expect(cleanIsbn('080442957x')).toBe('080442957X');
  });
});

describe('isIsbnShaped', () => {
  it('accepts 10- and 13-character forms and refuses other lengths and letters', () => {
    expect([
      isIsbnShaped('080442957X'),
      isIsbnShaped('9780441478125'),
      isIsbnShaped('12345'),
      isIsbnShaped('SG-12345678'),
    ]).toEqual([true, true, false, false]);
  });
});

describe('checksums', () => {
  it('accepts a valid ISBN-10 and rejects one with a wrong check digit', () => {
    expect(isValidIsbn10('0441478123')).toBe(true);
    expect(isValidIsbn10('0441478124')).toBe(false);
  });
  it('accepts an ISBN-10 whose check digit is X', () => {
    expect(isValidIsbn10('080442957X')).toBe(true);
  });
  it('accepts a valid ISBN-13 and rejects one with a wrong check digit', () => {
    expect(isValidIsbn13('9780441478125')).toBe(true);
    expect(isValidIsbn13('9780441478126')).toBe(false);
  });
  it('accepts a 979 ISBN-13 and refuses an EAN-13 outside the 978/979 ranges', () => {
    expect(isValidIsbn13('9791032305690')).toBe(true);
    // 4006381333931 is a valid EAN-13 (a product barcode), not an ISBN.
    expect(isValidIsbn13('4006381333931')).toBe(false);
  });
});

describe('conversion', () => {
  it('converts ISBN-10 to ISBN-13 with a recomputed check digit', () => {
    expect(isbn10To13('0441478123')).toBe('9780441478125');
  });
  it('converts a 978 ISBN-13 back to ISBN-10, X check digit included', () => {
    expect(isbn13To10('9780140328721')).toBe('0140328726');
    expect(isbn13To10('9780804429573')).toBe('080442957X');
  });
  it('has no ISBN-10 for a 979 ISBN-13', () => {
    expect(isbn13To10('9791032305690')).toBeUndefined();
  });
});

describe('readIsbn', () => {
  it('reports an empty cell as absent', () => {
    expect(readIsbn('=""')).toEqual({ kind: 'absent' });
    expect(readIsbn(undefined)).toEqual({ kind: 'absent' });
  });
  it('normalises a valid ISBN-10 to ISBN-13 and keeps the ISBN-10', () => {
    expect(readIsbn('="0441478123"')).toEqual({ kind: 'valid', isbn13: '9780441478125', isbn10: '0441478123' });
  });
  it('reads a 979 ISBN-13 without an ISBN-10', () => {
    expect(readIsbn('979-10-323-0569-0')).toEqual({ kind: 'valid', isbn13: '9791032305690' });
  });
  it('reports a bad checksum with its reason', () => {
    expect(readIsbn('9780441478126')).toEqual({
      kind: 'invalid',
      value: '9780441478126',
      reason: 'ISBN-13 checksum does not match',
    });
    expect(readIsbn('0441478124')).toEqual({
      kind: 'invalid',
      value: '0441478124',
      reason: 'ISBN-10 checksum does not match',
    });
  });
  it('reports a 13-digit code outside the ISBN ranges', () => {
    expect(readIsbn('4006381333931')).toEqual({
      kind: 'invalid',
      value: '4006381333931',
      reason: 'an ISBN-13 starts with 978 or 979',
    });
  });
  it('reports a value of the wrong length', () => {
    expect(readIsbn('12345')).toEqual({ kind: 'invalid', value: '12345', reason: 'not a 10- or 13-digit ISBN' });
  });
});

describe('normalizeIsbn', () => {
  it('turns an ISBN-10 with hyphens into its ISBN-13', () => {
    expect(normalizeIsbn('0-14-032872-6')).toBe('9780140328721');
  });
  it('accepts an ISBN-10 ending in X', () => {
    expect(normalizeIsbn('080442957X')).toBe('9780804429573');
  });
  it('keeps a valid ISBN-13 with spaces', () => {
    expect(normalizeIsbn('978 0 14 143951 8')).toBe('9780141439518');
  });
  it('rejects a checksum error and a wrong length', () => {
    expect(normalizeIsbn('9780141439519')).toBeUndefined();
    expect(normalizeIsbn('0140328727')).toBeUndefined();
    expect(normalizeIsbn('12345')).toBeUndefined();
  });
});
