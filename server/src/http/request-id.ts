// Gives every request an id (the client's X-Request-Id when well-formed, else a random one),
// records its arrival time, and echoes the id in the X-Request-Id response header.
import { createMiddleware } from 'hono/factory';
import { clockFor } from '../clock';
import type { AppEnv } from './app-env';

// ResponseMetadata.requestId allows up to 128 characters; keep client ids to a safe alphabet.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

function newRequestId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const offered = c.req.header('X-Request-Id');
  const id = offered !== undefined && CLIENT_REQUEST_ID.test(offered) ? offered : newRequestId();
  c.set('requestId', id);
  c.set('startedAt', clockFor(c.env).now());
  c.header('X-Request-Id', id);
  await next();
});
