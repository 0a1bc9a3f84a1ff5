// CORS as the contract says: any origin, no credentials, rate-limit and request-id headers exposed.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/http';

describe('CORS', () => {
  it('answers a preflight with the allowed methods and headers', async () => {
    const response = await call('/api/csv/import', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,OPTIONS');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('Authorization,Content-Type,X-Request-Id');
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('exposes the rate-limit, Retry-After and request-id headers on normal responses', async () => {
    const response = await call('/health', { headers: { Origin: 'https://app.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe(
      'X-RateLimit-Limit,X-RateLimit-Remaining,X-RateLimit-Reset,Retry-After,X-Request-Id,WWW-Authenticate',
    );
  });

  it('adds CORS headers to error envelopes too', async () => {
    const response = await call('/nope', { headers: { Origin: 'https://app.example' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
