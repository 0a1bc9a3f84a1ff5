import { EditionDTOSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { buildEdition, mapEditionFormat } from '../../src/providers/dto-builders';

describe('mapEditionFormat', () => {
  it('names the formats a provider states', () => {
    expect(
      ['Hardcover', 'Library Binding', 'Mass Market Paperback', 'paperback', 'Audio CD', 'Kindle Edition'].map((raw) =>
        mapEditionFormat(raw),
      ),
    ).toEqual(['Hardcover', 'Hardcover', 'Mass Market', 'Paperback', 'Audiobook', 'E-book']);
    expect(mapEditionFormat(undefined, true)).toBe('E-book');
  });

  it('leaves out a format the provider does not state or the contract cannot name, instead of guessing', () => {
    expect([undefined, '', 'Board book', 'Unknown Binding'].map((raw) => mapEditionFormat(raw))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('buildEdition', () => {
  it('omits an unknown format from a contract-valid edition', () => {
    const edition = buildEdition({ isbns: ['9780441172719'], format: mapEditionFormat(undefined) }, 'openlibrary');
    expect(EditionDTOSchema.parse(edition)).toEqual({
      isbns: ['9780441172719'],
      primaryProvider: 'openlibrary',
      contributors: ['openlibrary'],
    });
  });
});
