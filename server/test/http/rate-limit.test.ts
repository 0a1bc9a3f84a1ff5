// Per-IP job-start rate limit: X-RateLimit-* on success, 429 with Retry-After past the limit.
import { RATE_LIMIT } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { rateLimitPerWindow } from '../../src/http/rate-limit';
import { call, expectResponse, freshIp } from '../helpers/http';

function startCsv(ip: string): Promise<Response> {
  return call('/api/csv/import', {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', 'CF-Connecting-IP': ip },
    body: 'title\nDune\n',
  });
}

describe('job-start rate limit', () => {
  it('sends X-RateLimit-* on an accepted start', async () => {
    const response = await startCsv(freshIp());
    expect(response.headers.get('X-RateLimit-Limit')).toBe(String(RATE_LIMIT.REQUESTS));
    expect(response.headers.get('X-RateLimit-Remaining')).toBe(String(RATE_LIMIT.REQUESTS - 1));
    expect(Number(response.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(0);
    await expectResponse(response, 'importCsv', 202);
  });

  it('answers 429 RATE_LIMIT_EXCEEDED with Retry-After once an IP exceeds the limit', async () => {
    const ip = freshIp();
    for (let i = 0; i < RATE_LIMIT.REQUESTS; i++) await expectResponse(await startCsv(ip), 'importCsv', 202);
    const response = await startCsv(ip);
    const retryAfter = response.headers.get('Retry-After');
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(RATE_LIMIT.WINDOW_SECONDS);
    expect(response.headers.get('X-RateLimit-Reset')).toBe(retryAfter);
    expect(response.headers.get('X-RateLimit-Remaining')).toBe('0');
    const body = await expectResponse(response, 'importCsv', 429);
    expect(body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(body.error.details?.retryAfterSeconds).toBe(Number(retryAfter));
  });

  it('counts each client IP separately', async () => {
    const ip = freshIp();
    for (let i = 0; i < RATE_LIMIT.REQUESTS; i++) await startCsv(ip);
    expect((await startCsv(ip)).status).toBe(429);
    expect((await startCsv(freshIp())).status).toBe(202);
  });

  it('takes the limit from RATE_LIMIT_PER_MINUTE when set to a positive integer', () => {
    expect(rateLimitPerWindow({ RATE_LIMIT_PER_MINUTE: '250' } as never)).toBe(250);
    expect(rateLimitPerWindow({ RATE_LIMIT_PER_MINUTE: 'lots' } as never)).toBe(RATE_LIMIT.REQUESTS);
    expect(rateLimitPerWindow({} as never)).toBe(RATE_LIMIT.REQUESTS);
  });
});
