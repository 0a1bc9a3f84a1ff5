// Token route: rotate a job token inside its refresh window.
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { bodyLimit } from '../http/body-limit';
import { sendData } from '../http/envelope';
import { readJsonBody } from '../http/request-body';
import { operation } from '../http/validate-response';
import { jobStub, unwrap } from './job-stub';

export const tokenRoutes = new Hono<AppEnv>().post(
  OPERATIONS.refreshToken.honoPath,
  operation('refreshToken'),
  bodyLimit(),
  async (c) => {
    // refreshToken
    const request = await readJsonBody(c, 'refreshToken');
    return sendData(c, unwrap(await jobStub(c.env, request.jobId).refreshToken(request.oldToken)));
  },
);
