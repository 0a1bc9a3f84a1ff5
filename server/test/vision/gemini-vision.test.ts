import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/providers/http-client';
import { ProviderError } from '../../src/providers/provider-error';
import { createGeminiVision } from '../../src/vision/gemini/gemini-vision';
import blocked from '../fixtures/gemini/generate-content-blocked.json';
import books from '../fixtures/gemini/generate-content-books.json';
import prose from '../fixtures/gemini/generate-content-prose.json';
import { fakeFetch, json, recordingSleep, type Responder } from '../providers/fake-fetch';

const ENDPOINT = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70]);

function gemini(responders: Responder[]) {
  const requests: Array<{ headers: Headers; body: unknown }> = [];
  const recording: Responder = async (url, init) => {
    requests.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
    return (responders[Math.min(requests.length - 1, responders.length - 1)] as Responder)(url, init);
  };
  const fake = fakeFetch([[ENDPOINT, recording]]);
  const sleeper = recordingSleep();
  const http = createHttpClient({ provider: 'gemini', fetch: fake.fetch, sleep: sleeper.sleep });
  return { vision: createGeminiVision(http, 'secret-key'), requests, calls: fake.calls, delays: sleeper.delays };
}

const signal = () => new AbortController().signal;

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('Gemini vision', () => {
  it('sends the photo inline with a JSON response schema and the key in a header', async () => {
    const { vision, requests, calls } = gemini([() => json(books)]);
    await vision.detect(PHOTO, 'image/jpeg', signal());
    expect(calls[0]?.search).toBe('');
    expect(requests[0]?.headers.get('x-goog-api-key')).toBe('secret-key');
    expect(requests[0]?.body).toMatchObject({
      contents: [
        { parts: [{ inlineData: { mimeType: 'image/jpeg', data: Buffer.from(PHOTO).toString('base64') } }, {}] },
      ],
      generationConfig: { responseMimeType: 'application/json', temperature: 0 },
    });
  });

  it('maps books with boxes, normalises ISBNs and drops entries without title or ISBN', async () => {
    const { vision } = gemini([() => json(books)]);
    const box = (x: number, y: number, width: number, height: number) => ({
      x: expect.closeTo(x, 9),
      y: expect.closeTo(y, 9),
      width: expect.closeTo(width, 9),
      height: expect.closeTo(height, 9),
    });
    expect(await vision.detect(PHOTO, 'image/jpeg', signal())).toEqual([
      { title: 'Dune', author: 'Frank Herbert', confidence: 0.92, boundingBox: box(0.05, 0.1, 0.07, 0.8) },
      {
        title: 'Kindred',
        author: 'Octavia E. Butler',
        isbn: '9780807083697',
        confidence: 0.55,
        boundingBox: box(0.13, 0.12, 0.06, 0.76),
      },
    ]);
  });

  it('reports a blocked photo as PROVIDER_ERROR with the block reason', async () => {
    const { vision } = gemini([() => json(blocked)]);
    const error = await providerError(vision.detect(PHOTO, 'image/jpeg', signal()));
    expect(error.message).toBe('gemini blocked the photo (SAFETY)');
  });

  it('reports prose or truncated JSON as PROVIDER_ERROR', async () => {
    const { vision } = gemini([() => json(prose)]);
    const error = await providerError(vision.detect(PHOTO, 'image/jpeg', signal()));
    expect(error.message).toBe('gemini answered text that is not JSON (finishReason MAX_TOKENS)');
  });

  it('reports a body that is not JSON at all as PROVIDER_ERROR', async () => {
    const { vision } = gemini([() => new Response('<html>502 Bad Gateway</html>', { status: 200 })]);
    const error = await providerError(vision.detect(PHOTO, 'image/jpeg', signal()));
    expect(error.code).toBe('PROVIDER_ERROR');
  });

  it('retries a 503 and then reads the answer', async () => {
    const { vision, requests, delays } = gemini([
      () => json({ error: { code: 503, status: 'UNAVAILABLE' } }, 503),
      () => json(books),
    ]);
    const detections = await vision.detect(PHOTO, 'image/png', signal());
    expect(detections).toHaveLength(2);
    expect(requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });
});
