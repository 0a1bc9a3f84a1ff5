// Job routes: read a job's state and cancel it, both with the job token.
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { bearerToken } from '../http/bearer';
import { sendData } from '../http/envelope';
import { operation } from '../http/validate-response';
import { jobStub, requireJobId, unwrap } from './job-stub';

export const jobRoutes = new Hono<AppEnv>()
  .get(OPERATIONS.getJobState.honoPath, operation('getJobState'), async (c) => {
    // getJobState
    const jobId = requireJobId(c.req.param('jobId'), 'jobId');
    const token = bearerToken(c);
    return sendData(c, unwrap(await jobStub(c.env, jobId).getState(token)));
  })
  .post(OPERATIONS.cancelJob.honoPath, operation('cancelJob'), async (c) => {
    // cancelJob
    const jobId = requireJobId(c.req.param('jobId'), 'jobId');
    const token = bearerToken(c);
    return sendData(c, unwrap(await jobStub(c.env, jobId).cancel(token)));
  });
