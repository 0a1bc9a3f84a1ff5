// Per-client-IP limit on job starts (the spec's x-rate-limit, overridable by RATE_LIMIT_PER_MINUTE):
// X-RateLimit-* on every answer, 429 RATE_LIMIT_EXCEEDED with Retry-After when over the limit.
import { ERROR_CODE, RATE_LIMIT } from '@bookstrack/generated/constants';
import { createMiddleware } from 'hono/factory';
import type { Env } from '../env';
import type { AppEnv } from './app-env';
import { HttpError } from './http-error';

// Under `wrangler dev` and in tests there is no Cloudflare edge to set the client IP.
const LOCAL_CLIENT_IP = '127.0.0.1';

export function rateLimitPerWindow(env: Env): number {
  const override = Number(env[RATE_LIMIT.VAR as 'RATE_LIMIT_PER_MINUTE']);
  return Number.isInteger(override) && override > 0 ? override : RATE_LIMIT.REQUESTS;
}

export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const ip = c.req.header('CF-Connecting-IP') ?? LOCAL_CLIENT_IP;
  const limiter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(ip));
  const decision = await limiter.hit(rateLimitPerWindow(c.env), RATE_LIMIT.WINDOW_SECONDS);
  const headers = {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetSeconds),
  };
  if (!decision.isAllowed) {
    throw new HttpError(
      ERROR_CODE.RATE_LIMIT_EXCEEDED,
      `Too many job starts from this client; retry in ${decision.resetSeconds} s`,
      { retryAfterSeconds: decision.resetSeconds },
      { ...headers, 'Retry-After': String(decision.resetSeconds) },
    );
  }
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  await next();
});
