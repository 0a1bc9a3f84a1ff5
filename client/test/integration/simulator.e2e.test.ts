// The web client against the contract simulator (`npm run simulate`'s config, started per file):
// the terminal closes it must handle (Token expired, Job failed, Try again later), a token rotation
// and a seq gap, each played by the scenario that provokes it, through BooksTrackApi and
// ProgressSocketClient exactly as an app uses them.
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { StartSimulatorJob202ResponseSchema } from '@bookstrack/generated/operations';
import { SimulatorScenarioNameSchema } from '@bookstrack/generated/schemas';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../../server/test/helpers/wrangler-dev';
import {
  BooksTrackApi,
  ProgressSocketClient,
  type ProgressSocketEvents,
  type WebSocketConstructorLike,
} from '../../src/index';
import { nextEvent } from './next-event';

let server: DevServer;
let api: BooksTrackApi;

beforeAll(async () => {
  server = await startDevServer({ config: 'wrangler.simulator.jsonc', vars: { ENVIRONMENT: 'simulator' } });
  api = new BooksTrackApi({ baseUrl: server.origin });
});

afterAll(async () => {
  await server?.stop();
});

/** Starts a scenario with the one curl the docs show (here: fetch). */
async function startScenario(name: string): Promise<{ jobId: string; token: string }> {
  const response = await fetch(`${server.origin}/v1/simulator/jobs?scenario=${name}`, { method: 'POST' });
  expect(response.status).toBe(202);
  return StartSimulatorJob202ResponseSchema.parse(await response.json()).data;
}

function clientFor(job: { jobId: string; token: string }): ProgressSocketClient {
  return new ProgressSocketClient({
    baseUrl: server.origin,
    jobId: job.jobId,
    token: job.token,
    api,
    WebSocket: WebSocket as unknown as WebSocketConstructorLike,
  });
}

const next = <K extends keyof ProgressSocketEvents>(client: ProgressSocketClient, type: K, timeoutMs = 40_000) =>
  nextEvent(client, type, timeoutMs);

describe('ProgressSocketClient against the contract simulator', () => {
  // provokes: 1008 Token expired
  it('token-expired: ends with 1008 Token expired and cause no_token', async () => {
    const client = clientFor(await startScenario('token-expired'));
    const types: string[] = [];
    client.on('message', (m) => types.push(m.type));
    const closed = next(client, 'closed');
    client.connect();
    const end = await closed;
    expect([end.code, end.reason, end.cause, end.entry?.name]).toEqual([
      CLOSE_CODES.POLICY_VIOLATION,
      CLOSE_REASONS.TOKEN_EXPIRED,
      'no_token',
      'policyViolation',
    ]);
    expect(types.slice(0, 2)).toEqual(['ready_ack', 'job_started']);
  });

  // provokes: 1011 Job failed
  it('job-failed: sees the failing error, then ends with 1011 Job failed once the job state says failed', async () => {
    const client = clientFor(await startScenario('job-failed'));
    const errors: boolean[] = [];
    client.on('error', (m) => errors.push(m.payload.retryable));
    const closed = next(client, 'closed');
    client.connect();
    const end = await closed;
    expect([end.code, end.reason, end.cause, end.state?.status]).toEqual([
      CLOSE_CODES.INTERNAL_ERROR,
      CLOSE_REASONS.JOB_FAILED,
      'job_ended',
      'failed',
    ]);
    expect(errors).toEqual([false]);
  });

  // provokes: 1013 Try again later
  it('try-again-later: schedules its reconnect after 30 s plus jitter on 1013 Try again later', async () => {
    const client = clientFor(await startScenario('try-again-later'));
    const reconnecting = next(client, 'reconnecting');
    client.connect();
    const retry = await reconnecting;
    client.close();
    expect([retry.code, retry.reason, retry.entry?.name]).toEqual([
      CLOSE_CODES.TRY_AGAIN_LATER,
      CLOSE_REASONS.TRY_AGAIN_LATER,
      'tryAgainLater',
    ]);
    expect(retry.delayMs).toBeGreaterThanOrEqual(30_000);
    expect(retry.delayMs).toBeLessThanOrEqual(40_000);
  });

  it('token-rotation: follows every token_refreshed and loads the results with the newest token', async () => {
    const job = await startScenario('token-rotation');
    const client = clientFor(job);
    const tokens: string[] = [];
    client.on('token', (t) => tokens.push(t.token));
    const closed = next(client, 'closed');
    client.connect();
    const end = await closed;
    expect([end.code, end.reason, end.cause]).toEqual([
      CLOSE_CODES.NORMAL_CLOSURE,
      CLOSE_REASONS.JOB_COMPLETE,
      'close_code',
    ]);
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(new Set([job.token, ...tokens]).size).toBe(tokens.length + 1);
    expect(client.token).toBe(tokens.at(-1));
    const { data } = await api.getEnrichmentResults(job.jobId, client.token);
    expect(data.books).toHaveLength(15);
  });

  it('seq-gap: reports the gap (expected 4, received 5) and re-syncs from the job state', async () => {
    const client = clientFor(await startScenario('seq-gap'));
    const gap = next(client, 'gap');
    const state = next(client, 'state');
    const closed = next(client, 'closed');
    client.connect();
    expect(await gap).toMatchObject({ expected: 4, received: 5 });
    expect((await state).jobId).toMatch(/^sim_seq-gap_/);
    expect((await closed).code).toBe(CLOSE_CODES.NORMAL_CLOSURE);
  });

  it('BooksTrackApi lists every scenario and starts one, read with the generated readers', async () => {
    const { data } = await api.listSimulatorScenarios();
    expect(data.scenarios.map((scenario) => scenario.name)).toEqual([...SimulatorScenarioNameSchema.options]);
    const started = await api.startSimulatorJob('results-expired');
    expect(started.data.jobId).toMatch(/^sim_results-expired_/);
    await expect(api.startSimulatorJob('no-such-scenario')).rejects.toMatchObject({ status: 400 });
  });
});
