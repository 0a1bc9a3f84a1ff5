// Results stay readable for their whole retention with the token that was current when the job
// finished: no refresh needed, whatever the token's own lifetime had left.
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { EnrichmentResultsSchema, JobStateSchema } from '@bookstrack/generated/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MIN,
  T0,
  UNWATCHED_START,
  fireAlarmsUntil,
  installTestPipeline,
  newJobId,
  plain,
  removeTestPipeline,
  restoreClock,
  setClock,
  startJob,
  stubFor,
  titles,
  useClock,
} from '../helpers/durable';
import { connect } from '../helpers/websocket';

const HOUR = 60 * MIN;

beforeEach(() => {
  useClock();
  installTestPipeline({ stepSize: 1 });
});
afterEach(() => {
  removeTestPipeline();
  restoreClock();
});

async function finishedJob(): Promise<{ jobId: string; token: string }> {
  const jobId = newJobId();
  const job = await startJob(jobId, titles(2));
  await fireAlarmsUntil(jobId, T0 + MIN);
  const state = plain<unknown>(await stubFor(jobId).getState(job.token));
  expect(state.ok && JobStateSchema.parse(state.value).status).toBe('completed');
  return { jobId, token: job.token };
}

describe('results access after completion', () => {
  it.each([3, 23])('reads results and job state %i h after completion with the token current then', async (hours) => {
    const { jobId, token } = await finishedJob();
    setClock(T0 + hours * HOUR);
    const results = plain<unknown>(await stubFor(jobId).getResults(token, 'batch_enrichment'));
    expect(results.ok && EnrichmentResultsSchema.parse(results.value).books).toHaveLength(2);
    const state = plain<unknown>(await stubFor(jobId).getState(token));
    expect(state.ok && JobStateSchema.parse(state.value).tokenExpiresAt).toBe(
      new Date(UNWATCHED_START + 24 * HOUR).toISOString(),
    );
  });

  it('gives a late socket the stored job_complete 20 h after completion', async () => {
    const { jobId, token } = await finishedJob();
    setClock(T0 + 20 * HOUR);
    const socket = await connect(jobId, token);
    expect(await socket.waitClosed()).toEqual({ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE });
    expect(socket.types()).toEqual(['job_complete']);
  });

  it('refuses the token once the results expired: 401 TOKEN_EXPIRED at 25 h', async () => {
    const { jobId, token } = await finishedJob();
    await fireAlarmsUntil(jobId, T0 + 25 * HOUR);
    expect(await stubFor(jobId).getResults(token, 'batch_enrichment')).toMatchObject({
      ok: false,
      code: 'TOKEN_EXPIRED',
    });
  });
});

describe('after the retention', () => {
  it('forgets the job 2.5 h after its results expired: 404 NOT_FOUND', async () => {
    const { jobId, token } = await finishedJob();
    await fireAlarmsUntil(jobId, UNWATCHED_START + 24 * HOUR + 151 * MIN);
    expect(await stubFor(jobId).getResults(token, 'batch_enrichment')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});
