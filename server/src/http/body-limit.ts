// Request size limits: a declared Content-Length over the limit is refused before any byte is
// read; a body without one is read through a byte counter that stops at the limit.
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';
import { HttpError } from './http-error';

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(ERROR_CODE.FILE_TOO_LARGE, `Request body is larger than ${maxBytes} bytes`, { maxBytes });
}

/** Refuses a request whose Content-Length exceeds `maxBytes` (default: the spec's requestMaxBytes). */
export function bodyLimit(maxBytes: number = LIMITS.REQUEST_MAX_BYTES) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
    await next();
  });
}

/** Reads the whole body, failing with 413 as soon as more than `maxBytes` arrive. */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
