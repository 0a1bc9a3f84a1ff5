import { describe, expect, it } from 'vitest';
import { isbn13To10, isValidIsbn13, normalizeIsbn } from '../../src/providers/isbn';

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
    expect(normalizeIsbn('9780141439519')).toBeNull();
    expect(normalizeIsbn('0140328727')).toBeNull();
    expect(normalizeIsbn('12345')).toBeNull();
  });
});

describe('isbn13To10', () => {
  it('converts 978 ISBNs and refuses 979 ones', () => {
    expect(isbn13To10('9780140328721')).toBe('0140328726');
    expect(isbn13To10('9780804429573')).toBe('080442957X');
    expect(isbn13To10('9791032305690')).toBeNull();
    expect(isValidIsbn13('9791032305690')).toBe(true);
  });
});
