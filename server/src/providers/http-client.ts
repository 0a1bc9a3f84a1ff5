// Outbound JSON GET for providers: a per-attempt timeout, retries with exponential backoff and
// jitter on 5xx, 429 and network failures, Retry-After honoured up to a cap. 404 means "no such
// record" (null), never an error. Everything else becomes a ProviderError with a contract code.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import type { ConcurrencyLimiter } from './concurrency-limiter';
import { ProviderError } from './provider-error';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface HttpPolicy {
  timeoutMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After above this is clipped to it: a job step must not stall for minutes. */
  maxRetryAfterMs: number;
}

export const DEFAULT_HTTP_POLICY: HttpPolicy = {
  timeoutMs: 8_000,
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

export interface HttpClientOptions {
  provider: string;
  fetch?: FetchLike;
  policy?: Partial<HttpPolicy>;
  sleep?: Sleep;
  /** Source of jitter in [0, 1); injectable so tests can assert exact delays. */
  random?: () => number;
  now?: () => number;
  /** Shared by every client of one job; a slot is held per attempt, never while backing off. */
  limiter?: ConcurrencyLimiter;
}

export interface HttpClient {
  /** Parsed JSON body of a 2xx answer, or null for 404. */
  getJson(url: string, signal: AbortSignal, headers?: Record<string, string>): Promise<unknown>;
  /** Same policy for a JSON POST; only for requests without side effects, as it retries. */
  postJson(url: string, body: unknown, signal: AbortSignal, headers?: Record<string, string>): Promise<unknown>;
}

interface RequestSpec {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** Retry-After as milliseconds (delta-seconds or HTTP-date), or null when absent or unparsable. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy: HttpPolicy = { ...DEFAULT_HTTP_POLICY, ...options.policy };
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const provider = options.provider;
  const limit = <T>(task: () => Promise<T>): Promise<T> => (options.limiter ? options.limiter.run(task) : task());

  const backoffMs = (attempt: number): number => {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exponential / 2 + (random() * exponential) / 2);
  };

  return {
    getJson: (url, signal, headers = {}) => requestJson(url, { method: 'GET', headers }, signal),
    postJson: (url, body, signal, headers = {}) =>
      requestJson(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        },
        signal,
      ),
  };

  async function requestJson(url: string, spec: RequestSpec, signal: AbortSignal): Promise<unknown> {
    let lastError: ProviderError | undefined;
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      signal.throwIfAborted();
      const result = await limit(() => attemptOnce(url, spec, signal, attempt));
      if (result.kind === 'done') return result.body;
      lastError = result.error;
      if (attempt < policy.maxAttempts) {
        const delay =
          result.retryAfterMs === undefined
            ? backoffMs(attempt)
            : Math.min(result.retryAfterMs, policy.maxRetryAfterMs);
        await sleep(delay, signal);
      }
    }
    throw lastError ?? new ProviderError(ERROR_CODE.PROVIDER_ERROR, `${provider} failed`, { provider });
  }

  type Attempt = { kind: 'done'; body: unknown } | { kind: 'retry'; error: ProviderError; retryAfterMs?: number };

  async function attemptOnce(url: string, spec: RequestSpec, signal: AbortSignal, attempt: number): Promise<Attempt> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), policy.timeoutMs);
    const onJobAbort = (): void => timeout.abort();
    signal.addEventListener('abort', onJobAbort, { once: true });
    try {
      const response = await doFetch(url, {
        method: spec.method,
        headers: { accept: 'application/json', ...spec.headers },
        ...(spec.body === undefined ? {} : { body: spec.body }),
        signal: timeout.signal,
      });
      return await readResponse(response, attempt);
    } catch (error) {
      signal.throwIfAborted();
      if (error instanceof ProviderError) throw error;
      if (timeout.signal.aborted) {
        return retry(
          new ProviderError(
            ERROR_CODE.PROVIDER_TIMEOUT,
            `${provider} did not answer within ${policy.timeoutMs} ms`,
            { provider, attempts: attempt },
            true,
          ),
        );
      }
      return retry(
        new ProviderError(
          ERROR_CODE.PROVIDER_ERROR,
          `${provider} request failed: ${describe(error)}`,
          { provider, attempts: attempt },
          true,
        ),
      );
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onJobAbort);
    }
  }

  async function readResponse(response: Response, attempt: number): Promise<Attempt> {
    if (response.status === 404) {
      await response.body?.cancel();
      return { kind: 'done', body: null };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now()) ?? undefined;
      const details = {
        provider,
        upstreamStatus: response.status,
        attempts: attempt,
        ...(retryAfterMs === undefined ? {} : { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }),
      };
      const isTransient = isRetryableStatus(response.status);
      const error = new ProviderError(
        ERROR_CODE.PROVIDER_ERROR,
        `${provider} answered HTTP ${response.status}`,
        details,
        isTransient,
      );
      if (!isTransient) throw error;
      return retry(error, response.status === 429 || response.status === 503 ? retryAfterMs : undefined);
    }
    const text = await response.text();
    try {
      return { kind: 'done', body: JSON.parse(text) as unknown };
    } catch {
      // A proxy's HTML error page or a truncated body: retrying rarely helps, so report it now.
      throw new ProviderError(ERROR_CODE.PROVIDER_ERROR, `${provider} returned a body that is not JSON`, {
        provider,
        upstreamStatus: response.status,
        attempts: attempt,
      });
    }
  }
}

function retry(
  error: ProviderError,
  retryAfterMs?: number,
): { kind: 'retry'; error: ProviderError; retryAfterMs?: number } {
  return retryAfterMs === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
