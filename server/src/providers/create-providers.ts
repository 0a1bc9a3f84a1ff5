// Chooses the book providers for one job from the Worker's vars: the bundled catalogue unless
// PROVIDER_MODE is "live", then Open Library first (richest work data), Google Books second.
import type { WorkerVars } from '../vars';
import type { BookProvider } from './book-provider';
import { createCatalogueProvider } from './catalogue/catalogue-provider';
import { createConcurrencyLimiter, type ConcurrencyLimiter } from './concurrency-limiter';
import { createGoogleBooksProvider } from './google-books/google-books-provider';
import { createHttpClient, type FetchLike, type HttpPolicy } from './http-client';
import { createOpenLibraryProvider } from './open-library/open-library-provider';

/** In-flight provider requests per job (Workers allow six simultaneous outbound connections). */
export const PROVIDER_CONCURRENCY = 4;

export type ProviderEnv = Pick<WorkerVars, 'PROVIDER_MODE' | 'GOOGLE_BOOKS_API_KEY'>;

export interface ProviderOptions {
  fetch?: FetchLike;
  limiter?: ConcurrencyLimiter;
  policy?: Partial<HttpPolicy>;
}

export function isLiveMode(env: Pick<WorkerVars, 'PROVIDER_MODE'>): boolean {
  return env.PROVIDER_MODE === 'live';
}

export function createBookProviders(env: ProviderEnv, options: ProviderOptions = {}): BookProvider[] {
  if (!isLiveMode(env)) return [createCatalogueProvider()];
  const limiter = options.limiter ?? createConcurrencyLimiter(PROVIDER_CONCURRENCY);
  const http = (provider: string) =>
    createHttpClient({
      provider,
      limiter,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.policy ? { policy: options.policy } : {}),
    });
  return [
    createOpenLibraryProvider(http('openlibrary')),
    createGoogleBooksProvider(http('google-books'), env.GOOGLE_BOOKS_API_KEY),
  ];
}
