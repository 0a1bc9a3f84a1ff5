import { describe, expect, it } from 'vitest';
import { createBookProviders } from '../../src/providers/create-providers';
import { fakeFetch, json } from './fake-fetch';

describe('createBookProviders', () => {
  it('uses only the bundled catalogue unless PROVIDER_MODE is live', async () => {
    const fake = fakeFetch([]);
    for (const mode of [undefined, 'offline', 'LIVE']) {
      const providers = createBookProviders({ PROVIDER_MODE: mode }, { fetch: fake.fetch });
      expect(providers).toHaveLength(1);
      expect(await providers[0]?.lookupByIsbn('9780441172719', new AbortController().signal)).toMatchObject({
        work: { title: 'Dune' },
      });
    }
    expect(fake.calls).toEqual([]);
  });

  it('chains Open Library then Google Books in live mode', async () => {
    const fake = fakeFetch([[/./, () => json({}, 404)]]);
    const providers = createBookProviders({ PROVIDER_MODE: 'live', GOOGLE_BOOKS_API_KEY: 'k' }, { fetch: fake.fetch });
    expect(providers.map((p) => p.id)).toEqual(['openlibrary', 'google-books']);
    await providers[1]?.lookupByIsbn('9780441172719', new AbortController().signal);
    expect(fake.calls[0]?.searchParams.get('key')).toBe('k');
  });
});
