import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createBookProviders, providerModeOf } from '../../src/providers/create-providers';
import { fakeFetch, json } from './fake-fetch';

const signal = () => new AbortController().signal;

describe('providerModeOf', () => {
  it('is live when PROVIDER_MODE is unset or "live", offline only when set to "offline"', () => {
    expect([undefined, 'live', 'offline'].map((mode) => providerModeOf({ PROVIDER_MODE: mode }))).toEqual([
      'live',
      'live',
      'offline',
    ]);
  });

  it('refuses a value it does not know instead of picking a mode', () => {
    expect(() => providerModeOf({ PROVIDER_MODE: 'LIVE' })).toThrow(
      'PROVIDER_MODE must be "live" or "offline", not "LIVE"',
    );
    expect(() => providerModeOf({ PROVIDER_MODE: '' })).toThrow(/not ""/);
  });

  it('is offline in this test pool, by its explicit binding', () => {
    expect(providerModeOf(env)).toBe('offline');
  });
});

describe('createBookProviders', () => {
  it('uses only the bundled catalogue when PROVIDER_MODE is offline, with no request at all', async () => {
    const fake = fakeFetch([]);
    const providers = createBookProviders({ PROVIDER_MODE: 'offline' }, { fetch: fake.fetch });
    expect(providers.map((p) => p.id)).toEqual(['bundled-catalogue']);
    expect(await providers[0]?.lookupByIsbn('9780441172719', signal())).toMatchObject({
      work: { title: 'Dune', primaryProvider: 'bundled-catalogue' },
    });
    expect(fake.calls).toEqual([]);
  });

  it('uses Open Library alone by default: live, and Google Books waits for its secret', async () => {
    const fake = fakeFetch([[/./, () => json({}, 404)]]);
    for (const mode of [undefined, 'live']) {
      const providers = createBookProviders({ PROVIDER_MODE: mode }, { fetch: fake.fetch });
      expect(providers.map((p) => p.id)).toEqual(['openlibrary']);
    }
    await createBookProviders({}, { fetch: fake.fetch })[0]?.lookupByIsbn('9780441172719', signal());
    expect(fake.calls.map((url) => url.origin)).toEqual(['https://openlibrary.org']);
  });

  it('chains Open Library then Google Books once GOOGLE_BOOKS_API_KEY is set', async () => {
    const fake = fakeFetch([[/./, () => json({}, 404)]]);
    const providers = createBookProviders({ GOOGLE_BOOKS_API_KEY: 'k' }, { fetch: fake.fetch });
    expect(providers.map((p) => p.id)).toEqual(['openlibrary', 'google-books']);
    await providers[1]?.lookupByIsbn('9780441172719', signal());
    expect(fake.calls[0]?.searchParams.get('key')).toBe('k');
  });
});
