// Chooses the book providers for one job from the Worker's vars. Live (production's default): Open
// Library first (richest work data, no key), then Google Books once its secret is set. Offline (set
// explicitly by .dev.vars and the tests): the bundled development catalogue alone.
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

export type ProviderMode = 'live' | 'offline';

/** Unset means live, so a deployment without the var still serves real data; a typo fails loudly. */
export function providerModeOf(env: Pick<WorkerVars, 'PROVIDER_MODE'>): ProviderMode {
  const mode = env.PROVIDER_MODE ?? 'live';
  if (mode === 'live' || mode === 'offline') return mode;
  throw new Error(`PROVIDER_MODE must be "live" or "offline", not "${mode}"`);
}

export function isLiveMode(env: Pick<WorkerVars, 'PROVIDER_MODE'>): boolean {
  return providerModeOf(env) === 'live';
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
  const openLibrary = createOpenLibraryProvider(http('openlibrary'));
  if (!env.GOOGLE_BOOKS_API_KEY) return [openLibrary];
  return [openLibrary, createGoogleBooksProvider(http('google-books'), env.GOOGLE_BOOKS_API_KEY)];
}
