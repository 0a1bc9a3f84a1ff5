// The progress WebSocket handshake: checks the method, jobId, the upgrade and its RFC 6455 fields,
// then hands the request to the job's Durable Object, which does the subprotocol auth and the echo
// (AsyncAPI channel `progress`). Every refusal is a contract error envelope.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { operation } from '../http/validate-response';
import { handshakeError, methodError, upgradeRequiredError } from '../http/websocket-handshake';
import { requireJobId } from './job-stub';

/**
 * Runs before CORS (app.ts): Hono's cors answers every OPTIONS as a preflight, and Hono serves HEAD
 * with the GET handler, so a non-GET upgrade is refused here, before either can answer it.
 */
export const refuseNonGetUpgrade = createMiddleware<AppEnv>(async (c, next) => {
  const error = methodError(c.req.method, c.req.raw.headers);
  if (error) throw error;
  await next();
});

export const progressSocketRoutes = new Hono<AppEnv>().get(
  OPERATIONS.connectProgressSocket.honoPath,
  operation('connectProgressSocket'),
  async (c) => {
    // connectProgressSocket
    const rawJobId = c.req.query('jobId');
    if (rawJobId === undefined || rawJobId === '')
      throw new HttpError(ERROR_CODE.MISSING_PARAMETER, 'Query parameter jobId is required');
    const jobId = requireJobId(rawJobId, 'jobId');
    const headers = c.req.raw.headers;
    const refusal = upgradeRequiredError(headers, c.req.raw.cf?.httpProtocol) ?? handshakeError(headers);
    if (refusal) throw refusal;
    const stub = c.env.PROGRESS_SOCKET.get(c.env.PROGRESS_SOCKET.idFromName(jobId));
    return stub.fetch(c.req.raw);
  },
);
