// 404 and 405 in the contract envelope, and unexpected errors as 500 INTERNAL_ERROR.
import { env } from 'cloudflare:test';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/http/app-env';
import { notFound, onError } from '../../src/http/error-handler';
import { HttpError } from '../../src/http/http-error';
import { requestId } from '../../src/http/request-id';
import { call, expectError } from '../helpers/http';

describe('unknown routes', () => {
  it('answers 404 NOT_FOUND in the envelope for an unknown path', async () => {
    const envelope = await expectError(await call('/nope'), 404, 'NOT_FOUND');
    expect(envelope.data).toBeNull();
    expect(envelope.error.message).toBe('No route for /nope');
  });

  it('answers 405 METHOD_NOT_ALLOWED with Allow for a known path and another method', async () => {
    const response = await call('/health', { method: 'DELETE' });
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    await expectError(response, 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers 405 for GET on a POST-only templated path', async () => {
    const response = await call('/api/jobs/0b8f6c1e-2d4a-4f9b-8e3c-7a1d5f6e9b20/cancel');
    expect(response.headers.get('Allow')).toBe('POST, OPTIONS');
    await expectError(response, 405, 'METHOD_NOT_ALLOWED');
  });
});

describe('onError', () => {
  const app = new Hono<AppEnv>()
    .use('*', requestId)
    .get('/boom', () => {
      throw new Error('secret internals');
    })
    .get('/teapot', () => {
      throw new HttpError('CONFLICT', 'Already there', { jobId: 'x' }, { 'X-Extra': '1' });
    })
    .get('/expired', () => {
      throw new HttpError('TOKEN_EXPIRED', 'Token expired');
    });
  app.onError(onError);
  app.notFound(notFound);

  it('turns an unexpected error into 500 INTERNAL_ERROR without leaking its message', async () => {
    const envelope = await expectError(await app.request('/boom', {}, env), 500, 'INTERNAL_ERROR');
    expect(envelope.error.message).toBe('Internal server error');
  });

  it('turns an HttpError into its status, code, details and headers', async () => {
    const response = await app.request('/teapot', {}, env);
    expect(response.headers.get('X-Extra')).toBe('1');
    const envelope = await expectError(response, 409, 'CONFLICT');
    expect(envelope.error).toEqual({ code: 'CONFLICT', message: 'Already there', details: { jobId: 'x' } });
  });
});

describe('401 challenges', () => {
  const app = new Hono<AppEnv>().use('*', requestId).get('/expired', () => {
    throw new HttpError('TOKEN_EXPIRED', 'Token expired');
  });
  app.onError(onError);

  it('adds the RFC 6750 invalid_token error to the challenge of an expired token', async () => {
    const response = await app.request('/expired', {}, env);
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe(
      'Bearer realm="bookstrack", error="invalid_token", error_description="Token expired"',
    );
  });

  it('adds no challenge to other errors', async () => {
    const response = await app.request('/nope', {}, env);
    expect(response.headers.get('WWW-Authenticate')).toBeNull();
  });
});
