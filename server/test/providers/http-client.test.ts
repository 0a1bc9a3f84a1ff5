import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../src/providers/concurrency-limiter';
import { createHttpClient, parseRetryAfterMs, type HttpClientOptions } from '../../src/providers/http-client';
import { ProviderError } from '../../src/providers/provider-error';
import { fakeFetch, hangingResponder, json, recordingSleep, type Responder } from './fake-fetch';

const URL_A = 'https://upstream.test/a';
const POLICY = { timeoutMs: 50, maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000, maxRetryAfterMs: 5000 };

function client(responders: Responder[], extra: Partial<HttpClientOptions> = {}) {
  const fake = fakeFetch([[URL_A, ...responders]]);
  const sleeper = recordingSleep();
  const http = createHttpClient({
    provider: 'upstream',
    fetch: fake.fetch,
    policy: POLICY,
    sleep: sleeper.sleep,
    random: () => 0,
    ...extra,
  });
  return { http, calls: fake.calls, delays: sleeper.delays };
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const signal = () => new AbortController().signal;

describe('createHttpClient', () => {
  it('returns the parsed JSON body of a 200', async () => {
    const { http, calls } = client([() => json({ ok: 1 })]);
    expect(await http.getJson(URL_A, signal())).toEqual({ ok: 1 });
    expect(calls).toHaveLength(1);
  });

  it('returns null for a 404 without retrying', async () => {
    const { http, calls } = client([() => json({ error: 'notfound' }, 404)]);
    expect(await http.getJson(URL_A, signal())).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('retries a 503 with exponential backoff and then succeeds', async () => {
    const { http, calls, delays } = client([
      () => new Response('busy', { status: 503 }),
      () => new Response('busy', { status: 502 }),
      () => json({ ok: 2 }),
    ]);
    expect(await http.getJson(URL_A, signal())).toEqual({ ok: 2 });
    expect(calls).toHaveLength(3);
    // random() = 0 gives the lower half of each jittered window: 200/2, then 400/2.
    expect(delays).toEqual([100, 200]);
  });

  it('gives up after maxAttempts with PROVIDER_ERROR naming the upstream status', async () => {
    const { http, calls } = client([() => new Response('down', { status: 500 })]);
    const error = await providerError(http.getJson(URL_A, signal()));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.details).toEqual({ provider: 'upstream', upstreamStatus: 500, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it('waits for the Retry-After seconds of a 429 before retrying', async () => {
    const { http, delays } = client([
      () => new Response('slow down', { status: 429, headers: { 'retry-after': '2' } }),
      () => json({ ok: 3 }),
    ]);
    expect(await http.getJson(URL_A, signal())).toEqual({ ok: 3 });
    expect(delays).toEqual([2000]);
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    const { http, delays } = client([
      () => new Response('', { status: 429, headers: { 'retry-after': '3600' } }),
      () => json({ ok: 4 }),
    ]);
    await http.getJson(URL_A, signal());
    expect(delays).toEqual([5000]);
  });

  it('reports retryAfterSeconds when every attempt is rate limited', async () => {
    const { http } = client([() => new Response('', { status: 429, headers: { 'retry-after': '7' } })]);
    const error = await providerError(http.getJson(URL_A, signal()));
    expect(error.toApiError()).toEqual({
      code: 'PROVIDER_ERROR',
      message: 'upstream answered HTTP 429',
      details: { provider: 'upstream', upstreamStatus: 429, attempts: 3, retryAfterSeconds: 7 },
    });
  });

  it('does not retry a 400', async () => {
    const { http, calls } = client([() => new Response('bad', { status: 400 })]);
    const error = await providerError(http.getJson(URL_A, signal()));
    expect(error.details.upstreamStatus).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it('turns a hung upstream into PROVIDER_TIMEOUT after every attempt timed out', async () => {
    const { http, calls } = client([hangingResponder]);
    const error = await providerError(http.getJson(URL_A, signal()));
    expect(error.code).toBe('PROVIDER_TIMEOUT');
    expect(error.message).toBe('upstream did not answer within 50 ms');
    expect(calls).toHaveLength(3);
  });

  it('recovers when only the first attempt times out', async () => {
    const { http, calls } = client([hangingResponder, () => json({ ok: 5 })]);
    expect(await http.getJson(URL_A, signal())).toEqual({ ok: 5 });
    expect(calls).toHaveLength(2);
  });

  it('reports a body that is not JSON as PROVIDER_ERROR without retrying', async () => {
    const { http, calls } = client([() => new Response('<html>oops</html>', { status: 200 })]);
    const error = await providerError(http.getJson(URL_A, signal()));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toBe('upstream returned a body that is not JSON');
    expect(calls).toHaveLength(1);
  });

  it('retries a network failure', async () => {
    const { http, calls } = client([
      () => {
        throw new TypeError('Network connection lost.');
      },
      () => json([]),
    ]);
    expect(await http.getJson(URL_A, signal())).toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it.each<[string, boolean, Responder]>([
    ['a 503', true, () => new Response('busy', { status: 503 })],
    ['a 429', true, () => json({}, 429)],
    ['a timeout', true, hangingResponder],
    [
      'a network failure',
      true,
      () => {
        throw new TypeError('Network connection lost.');
      },
    ],
    ['a 403', false, () => new Response('forbidden', { status: 403 })],
    ['a body that is not JSON', false, () => new Response('<html>oops</html>', { status: 200 })],
  ])('marks the error of %s transient: %s', async (_, isTransient, responder) => {
    const { http } = client([responder]);
    expect((await providerError(http.getJson(URL_A, signal()))).isTransient).toBe(isTransient);
  });

  it('rejects with the abort reason, not a provider error, when the job is canceled', async () => {
    const controller = new AbortController();
    const { http } = client([
      (_url, init) => {
        controller.abort(new Error('job canceled'));
        return hangingResponder(_url, init);
      },
    ]);
    await expect(http.getJson(URL_A, controller.signal)).rejects.toThrow('job canceled');
  });

  it('never holds more requests in flight than the shared limiter allows', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: Responder = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return json({ ok: true });
    };
    const { http } = client([slow], { limiter: createConcurrencyLimiter(2) });
    const results = await Promise.all(Array.from({ length: 6 }, () => http.getJson(URL_A, signal())));
    expect(results).toHaveLength(6);
    expect(peak).toBe(2);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds and HTTP-dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(null, now)).toBeNull();
  });
});
