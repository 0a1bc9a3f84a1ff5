import { AuthorDTOSchema, EditionDTOSchema, WorkDTOSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, buildCatalogueIndex, searchCatalogue } from '../../src/providers/catalogue/catalogue';
import { CATALOGUE_AUTHORS } from '../../src/providers/catalogue/catalogue-authors';
import { catalogueRecord, createCatalogueProvider } from '../../src/providers/catalogue/catalogue-provider';
import { isValidIsbn13 } from '../../src/books/isbn';

const signal = () => new AbortController().signal;

describe('offline catalogue data', () => {
  it('holds a few hundred books', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(300);
  });

  it('has a checksum-valid ISBN-13 for every book', () => {
    const invalid = CATALOGUE.filter((b) => !isValidIsbn13(b.isbn13)).map((b) => `${b.isbn13} ${b.title}`);
    expect(invalid).toEqual([]);
  });

  it('never lists one ISBN twice', () => {
    const isbns = CATALOGUE.map((b) => b.isbn13);
    expect(new Set(isbns).size).toBe(isbns.length);
  });

  it('describes every author it names', () => {
    const missing = CATALOGUE.flatMap((b) => b.authors).filter((name) => !CATALOGUE_AUTHORS[name]);
    expect(missing).toEqual([]);
  });

  it('maps every book to contract-valid DTOs', () => {
    for (const entry of CATALOGUE) {
      const record = catalogueRecord(entry);
      WorkDTOSchema.parse(record.work);
      EditionDTOSchema.parse(record.edition);
      record.authors.forEach((a) => AuthorDTOSchema.parse(a));
    }
  });

  it('credits every record to the bundled catalogue, never to a live provider', () => {
    const credits = new Set(
      CATALOGUE.flatMap((entry) => {
        const { work, edition } = catalogueRecord(entry);
        return [
          work.primaryProvider,
          ...(work.contributors ?? []),
          edition?.primaryProvider,
          ...(edition?.contributors ?? []),
        ];
      }),
    );
    expect([...credits]).toEqual(['bundled-catalogue']);
  });

  it('invents no edition field: no format (bindings are not listed) and no copy of the work title', () => {
    const editionKeys = new Set(CATALOGUE.flatMap((entry) => Object.keys(catalogueRecord(entry).edition ?? {})));
    expect([...editionKeys].sort()).toEqual(['contributors', 'isbn', 'isbns', 'primaryProvider', 'publisher']);
  });
});

describe('catalogue provider', () => {
  const provider = createCatalogueProvider();

  it('finds a book by ISBN-13 with its authors described', async () => {
    const record = await provider.lookupByIsbn('9780141439518', signal());
    expect(record?.work).toMatchObject({
      title: 'Pride and Prejudice',
      firstPublicationYear: 1813,
      primaryProvider: 'bundled-catalogue',
    });
    expect(record?.edition).toEqual({
      isbn: '9780141439518',
      isbns: ['9780141439518', '0141439513'],
      publisher: 'Penguin Classics',
      primaryProvider: 'bundled-catalogue',
      contributors: ['bundled-catalogue'],
    });
    expect(record?.authors).toEqual([{ name: 'Jane Austen', gender: 'Female', nationality: 'British' }]);
  });

  it('answers null for an ISBN it does not hold', async () => {
    expect(await provider.lookupByIsbn('9780000000002', signal())).toBeNull();
  });

  it('finds a title regardless of case, accents, punctuation and a leading article', async () => {
    expect((await provider.search('the GREAT gatsby', undefined, signal()))?.edition?.isbn).toBe('9780743273565');
    expect((await provider.search('Les Miserables', 'Victor Hugo', signal()))?.edition?.isbn).toBe('9780140444308');
    expect((await provider.search('Sapiens', 'Harari', signal()))?.edition?.isbn).toBe('9780062316097');
  });

  it('refuses a title match whose author does not match', async () => {
    expect(await provider.search('Emma', 'Charles Dickens', signal())).toBeNull();
  });

  it('prefers the candidate whose author matches among equal titles', () => {
    const index = buildCatalogueIndex(CATALOGUE);
    expect(searchCatalogue(index, 'The Pragmatic Programmer', 'Hunt')?.isbn13).toBe('9780201616224');
  });
});
