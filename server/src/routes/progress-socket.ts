// The progress WebSocket handshake: checks jobId and the upgrade, then hands the request to the
// job's Durable Object, which does the subprotocol auth and the echo (AsyncAPI channel `progress`).
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { operation } from '../http/validate-response';
import { jobStub, requireJobId } from './job-stub';

export const progressSocketRoutes = new Hono<AppEnv>().get(
  OPERATIONS.connectProgressSocket.honoPath,
  operation('connectProgressSocket'),
  async (c) => {
    // connectProgressSocket
    const rawJobId = c.req.query('jobId');
    if (rawJobId === undefined || rawJobId === '')
      throw new HttpError(ERROR_CODE.MISSING_PARAMETER, 'Query parameter jobId is required');
    const jobId = requireJobId(rawJobId, 'jobId');
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new HttpError(
        ERROR_CODE.UPGRADE_REQUIRED,
        'This endpoint only accepts a WebSocket upgrade (HTTP/1.1)',
        undefined,
        { Upgrade: 'websocket' },
      );
    }
    const stub = c.env.PROGRESS_SOCKET.get(c.env.PROGRESS_SOCKET.idFromName(jobId));
    return stub.fetch(c.req.raw);
  },
);
