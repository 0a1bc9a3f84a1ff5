import { AuthorDTOSchema, EditionDTOSchema, WorkDTOSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/providers/http-client';
import { createOpenLibraryProvider } from '../../src/providers/open-library/open-library-provider';
import { ProviderError } from '../../src/providers/provider-error';
import author from '../fixtures/open-library/author-OL34184A.json';
import edition from '../fixtures/open-library/edition-9780140328721.json';
import searchEmpty from '../fixtures/open-library/search-empty.json';
import search from '../fixtures/open-library/search-fantastic-mr-fox.json';
import work from '../fixtures/open-library/work-OL45804W.json';
import { fakeFetch, json, recordingSleep, type Responder } from './fake-fetch';

const OL = 'https://openlibrary.org';

function provider(routes: Array<[string | RegExp, ...Responder[]]>) {
  const fake = fakeFetch(routes);
  const http = createHttpClient({ provider: 'openlibrary', fetch: fake.fetch, sleep: recordingSleep().sleep });
  return { ol: createOpenLibraryProvider(http), calls: fake.calls };
}

const signal = () => new AbortController().signal;

describe('Open Library provider', () => {
  it('maps an ISBN lookup from edition, work and author records', async () => {
    const { ol, calls } = provider([
      [`${OL}/isbn/9780140328721.json`, () => json(edition)],
      [`${OL}/works/OL45804W.json`, () => json(work)],
      [`${OL}/authors/OL34184A.json`, () => json(author)],
    ]);
    const record = await ol.lookupByIsbn('9780140328721', signal());
    expect(record).not.toBeNull();
    expect(WorkDTOSchema.parse(record?.work)).toEqual({
      title: 'Fantastic Mr Fox',
      subjectTags: ['Animals', 'Foxes', 'Farmers', 'Juvenile fiction', "Children's stories"],
      goodreadsWorkIDs: [],
      amazonASINs: [],
      librarythingIDs: [],
      googleBooksVolumeIDs: [],
      isbndbQuality: 0,
      reviewStatus: 'verified',
      firstPublicationYear: 1970,
      description: 'Three farmers set out to starve a clever fox and his family out of their burrow.',
      coverImageURL: 'https://covers.openlibrary.org/b/id/6498519-L.jpg',
      openLibraryWorkID: 'OL45804W',
      primaryProvider: 'openlibrary',
      contributors: ['openlibrary'],
    });
    expect(EditionDTOSchema.parse(record?.edition)).toEqual({
      isbns: ['9780140328721', '0140328726'],
      isbn: '9780140328721',
      format: 'Paperback',
      title: 'Fantastic Mr. Fox',
      publisher: 'Puffin',
      publicationDate: '1988',
      pageCount: 96,
      coverImageURL: 'https://covers.openlibrary.org/b/id/8739161-L.jpg',
      language: 'eng',
      openLibraryEditionID: 'OL7353617M',
      primaryProvider: 'openlibrary',
      contributors: ['openlibrary'],
    });
    expect(record?.authors.map((a) => AuthorDTOSchema.parse(a))).toEqual([
      { name: 'Roald Dahl', gender: 'Unknown', birthYear: 1916, deathYear: 1990, openLibraryAuthorID: 'OL34184A' },
    ]);
    expect(calls.map((u) => u.pathname)).toEqual([
      '/isbn/9780140328721.json',
      '/works/OL45804W.json',
      '/authors/OL34184A.json',
    ]);
  });

  it('answers null when Open Library has no edition for the ISBN', async () => {
    const { ol } = provider([[`${OL}/isbn/`, () => json({ error: 'notfound', key: '/isbn/9780000000002' }, 404)]]);
    expect(await ol.lookupByIsbn('9780000000002', signal())).toBeNull();
  });

  it('searches by title and author and maps the first document', async () => {
    const { ol, calls } = provider([[`${OL}/search.json`, () => json(search)]]);
    const record = await ol.search('Fantastic Mr Fox', 'Roald Dahl', signal());
    expect(calls[0]?.searchParams.get('title')).toBe('Fantastic Mr Fox');
    expect(calls[0]?.searchParams.get('author')).toBe('Roald Dahl');
    expect(calls[0]?.searchParams.get('limit')).toBe('1');
    expect(record?.edition).toBeUndefined();
    expect(record?.work.openLibraryWorkID).toBe('OL45804W');
    expect(record?.work.firstPublicationYear).toBe(1970);
    expect(record?.authors).toEqual([{ name: 'Roald Dahl', gender: 'Unknown', openLibraryAuthorID: 'OL34184A' }]);
  });

  it('answers null for a search with no documents', async () => {
    const { ol } = provider([[`${OL}/search.json`, () => json(searchEmpty)]]);
    expect(await ol.search('No Such Book Anywhere', undefined, signal())).toBeNull();
  });

  it('reports a record of the wrong shape as PROVIDER_ERROR', async () => {
    const { ol } = provider([[`${OL}/isbn/`, () => json({ key: 42, title: ['not', 'a', 'string'] })]]);
    const error = await ol.lookupByIsbn('9780140328721', signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('PROVIDER_ERROR');
  });
});
