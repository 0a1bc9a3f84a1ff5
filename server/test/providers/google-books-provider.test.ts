import { EditionDTOSchema, WorkDTOSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { createGoogleBooksProvider } from '../../src/providers/google-books/google-books-provider';
import { createHttpClient } from '../../src/providers/http-client';
import { ProviderError } from '../../src/providers/provider-error';
import empty from '../fixtures/google-books/volumes-empty.json';
import volumes from '../fixtures/google-books/volumes-isbn-9780140328721.json';
import { fakeFetch, json, recordingSleep, type Responder } from './fake-fetch';

const VOLUMES = 'https://www.googleapis.com/books/v1/volumes';

function provider(responders: Responder[], apiKey?: string) {
  const fake = fakeFetch([[VOLUMES, ...responders]]);
  const sleeper = recordingSleep();
  const http = createHttpClient({ provider: 'google-books', fetch: fake.fetch, sleep: sleeper.sleep });
  return { gb: createGoogleBooksProvider(http, apiKey), calls: fake.calls, delays: sleeper.delays };
}

const signal = () => new AbortController().signal;

describe('Google Books provider', () => {
  it('looks an ISBN up with the API key and maps the volume', async () => {
    const { gb, calls } = provider([() => json(volumes)], 'test-key');
    const record = await gb.lookupByIsbn('9780140328721', signal());
    expect(calls[0]?.searchParams.get('q')).toBe('isbn:9780140328721');
    expect(calls[0]?.searchParams.get('key')).toBe('test-key');
    expect(WorkDTOSchema.parse(record?.work)).toMatchObject({
      title: 'Fantastic Mr Fox',
      subjectTags: ['Juvenile Fiction'],
      googleBooksVolumeIDs: ['wrOQLV6xB-wC'],
      description: 'Boggis, Bunce and Bean are three of the meanest farmers around.',
      coverImageURL: 'https://books.google.com/books/content?id=wrOQLV6xB-wC&printsec=frontcover&img=1&zoom=1',
      primaryProvider: 'google-books',
      contributors: ['google-books'],
    });
    expect(EditionDTOSchema.parse(record?.edition)).toEqual({
      isbns: ['9780140328721', '0140328726'],
      isbn: '9780140328721',
      title: 'Fantastic Mr Fox',
      publisher: 'Penguin UK',
      publicationDate: '1988-10-01',
      pageCount: 96,
      coverImageURL: 'https://books.google.com/books/content?id=wrOQLV6xB-wC&printsec=frontcover&img=1&zoom=1',
      language: 'en',
      googleBooksVolumeID: 'wrOQLV6xB-wC',
      primaryProvider: 'google-books',
      contributors: ['google-books'],
    });
    expect(record?.authors).toEqual([{ name: 'Roald Dahl', gender: 'Unknown' }]);
  });

  it('omits the key parameter when no key is configured', async () => {
    const { gb, calls } = provider([() => json(volumes)]);
    await gb.lookupByIsbn('9780140328721', signal());
    expect(calls[0]?.searchParams.has('key')).toBe(false);
  });

  it('answers null when totalItems is 0', async () => {
    const { gb } = provider([() => json(empty)]);
    expect(await gb.lookupByIsbn('9780000000002', signal())).toBeNull();
  });

  it('searches with intitle and inauthor phrases', async () => {
    const { gb, calls } = provider([() => json(volumes)]);
    const record = await gb.search('Fantastic "Mr" Fox', 'Roald Dahl', signal());
    expect(calls[0]?.searchParams.get('q')).toBe('intitle:"Fantastic  Mr  Fox" inauthor:"Roald Dahl"');
    expect(record?.edition?.isbn).toBe('9780140328721');
  });

  it('retries a 429 after its Retry-After and then maps the answer', async () => {
    const { gb, calls, delays } = provider([
      () => new Response('{"error":{"code":429}}', { status: 429, headers: { 'retry-after': '1' } }),
      () => json(volumes),
    ]);
    const record = await gb.lookupByIsbn('9780140328721', signal());
    expect(record?.work.title).toBe('Fantastic Mr Fox');
    expect(calls).toHaveLength(2);
    expect(delays).toEqual([1000]);
  });

  it('reports items of the wrong shape as PROVIDER_ERROR', async () => {
    const { gb } = provider([() => json({ totalItems: 1, items: [{ id: 7 }] })]);
    const error = await gb.lookupByIsbn('9780140328721', signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toBe('google-books returned an unexpected shape');
  });
});
