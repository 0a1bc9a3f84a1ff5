// CORS for the API: any origin, no credentials (tokens travel in Authorization, not cookies),
// the headers clients must read exposed, and preflight answered for every path.
import { cors } from 'hono/cors';

export const apiCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
  exposeHeaders: [
    'X-RateLimit-Limit',
    'X-RateLimit-Remaining',
    'X-RateLimit-Reset',
    'Retry-After',
    'X-Request-Id',
    'WWW-Authenticate',
  ],
  maxAge: 86400,
  credentials: false,
});
