// 413 FILE_TOO_LARGE: refused from Content-Length before reading, or stopped mid-stream without one.
import { LIMITS } from '@bookstrack/generated/constants';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { readBodyCapped } from '../../src/http/body-limit';
import { HttpError } from '../../src/http/http-error';
import { call, expectResponse, freshIp } from '../helpers/http';

/** A body stream that records whether anyone pulled from it. */
function watchedStream(chunks: Uint8Array[]): { stream: ReadableStream<Uint8Array>; pulls: () => number } {
  let pulls = 0;
  let index = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls += 1;
        const chunk = chunks[index++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulls: () => pulls };
}

describe('Content-Length over the limit', () => {
  it('answers 413 before reading a byte of a text/csv body', async () => {
    const { stream, pulls } = watchedStream([new Uint8Array(16)]);
    const request = new Request('http://api.test/api/csv/import', {
      method: 'POST',
      headers: {
        'Content-Type': 'text/csv',
        'Content-Length': String(LIMITS.REQUEST_MAX_BYTES + 1),
        'CF-Connecting-IP': freshIp(),
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await app.fetch(request, env);
    const body = await expectResponse(response, 'importCsv', 413);
    expect(body.error.code).toBe('FILE_TOO_LARGE');
    expect(pulls()).toBe(0);
  });

  it('answers 413 for a text/csv upload over the CSV limit', async () => {
    const csv = `title\n${'x'.repeat(LIMITS.CSV_MAX_BYTES)}`;
    const body = await expectResponse(
      await call('/api/csv/import', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv }),
      'importCsv',
      413,
    );
    expect(body.error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: `Request body is larger than ${LIMITS.CSV_MAX_BYTES} bytes`,
      details: { maxBytes: LIMITS.CSV_MAX_BYTES },
    });
  });

  it('answers 413 for a JSON csv field over the CSV limit', async () => {
    const csv = `title\n${'x'.repeat(LIMITS.CSV_MAX_BYTES)}`;
    const response = await call('/api/csv/import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ csv }),
    });
    expect((await expectResponse(response, 'importCsv', 413)).error.message).toBe(
      `The CSV file is larger than ${LIMITS.CSV_MAX_BYTES} bytes`,
    );
  });
});

describe('readBodyCapped without Content-Length', () => {
  it('stops reading at the first chunk past the cap', async () => {
    const { stream, pulls } = watchedStream([
      new Uint8Array(6),
      new Uint8Array(6),
      new Uint8Array(6),
      new Uint8Array(6),
    ]);
    const request = new Request('http://local/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const error = await readBodyCapped(request, 10).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe('FILE_TOO_LARGE');
    expect(pulls()).toBeLessThanOrEqual(3);
  });

  it('returns every byte of a body under the cap', async () => {
    const { stream } = watchedStream([new Uint8Array([1, 2]), new Uint8Array([3])]);
    const request = new Request('http://local/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect([...(await readBodyCapped(request, 3))]).toEqual([1, 2, 3]);
  });

  it('answers 413 for a streamed text/csv upload through the Worker', async () => {
    const chunk = new TextEncoder().encode(`${'y'.repeat(1024 * 1024 - 1)}\n`);
    const { stream } = watchedStream([new TextEncoder().encode('title\n'), ...Array.from({ length: 11 }, () => chunk)]);
    const request = new Request('http://api.test/api/csv/import', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', 'CF-Connecting-IP': freshIp() },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('Content-Length')).toBeNull();
    expect((await expectResponse(await app.fetch(request, env), 'importCsv', 413)).error.code).toBe('FILE_TOO_LARGE');
  });
});
