// The contract simulator under `wrangler dev -c wrangler.simulator.jsonc` (as `npm run simulate`
// starts it): each scenario plays what GET /v1/simulator/scenarios says, with frames that pass the
// generated ServerMessage validator, and the start route answers like a job start.
import { CLOSE_CODES, CLOSE_REASONS, MESSAGE_TYPE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { ErrorEnvelopeSchema, type SimulatorScenario } from '@bookstrack/generated/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSocket, seqProblems, type SocketRun } from '../../conformance/socket';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

let server: DevServer;
let scenarios: SimulatorScenario[];

beforeAll(async () => {
  server = await startDevServer({ config: 'wrangler.simulator.jsonc', vars: { ENVIRONMENT: 'simulator' } });
  const listed = OPERATIONS.listSimulatorScenarios.responses[200].parse(
    await (await fetch(`${server.origin}/v1/simulator/scenarios`)).json(),
  );
  scenarios = listed.data.scenarios;
});

afterAll(async () => {
  await server?.stop();
});

async function start(name: string): Promise<{ jobId: string; token: string; expiresAt: string }> {
  const response = await fetch(`${server.origin}/v1/simulator/jobs?scenario=${name}`, { method: 'POST' });
  expect(response.status).toBe(202);
  return OPERATIONS.startSimulatorJob.responses[202].parse(await response.json()).data;
}

/** Plays a scenario with one prompt client (or one that connects after `waitMs`). */
async function play(name: string, waitMs = 0): Promise<{ run: SocketRun; job: { jobId: string; token: string } }> {
  const job = await start(name);
  if (waitMs > 0) await new Promise((done) => setTimeout(done, waitMs));
  return { run: await runSocket(server.origin, job.jobId, job.token, { timeoutMs: 50_000 }), job };
}

function firstArrivals(run: SocketRun): string[] {
  return [...new Set(run.frames.map((f) => f.type))];
}

function expectAsListed(name: string, run: SocketRun): void {
  const listed = scenarios.find((s) => s.name === name);
  expect(run.invalid).toEqual([]);
  expect(firstArrivals(run)).toEqual(listed?.frames);
  expect(run.close).toEqual(listed?.close);
}

describe('npm run simulate', () => {
  it('answers an unknown or missing scenario with 400 listing the valid names', async () => {
    for (const [query, code] of [
      ['?scenario=nope', 'INVALID_REQUEST'],
      ['', 'MISSING_PARAMETER'],
    ] as const) {
      const response = await fetch(`${server.origin}/v1/simulator/jobs${query}`, { method: 'POST' });
      expect(response.status).toBe(400);
      const body = ErrorEnvelopeSchema.parse(await response.json());
      expect(body.error.code).toBe(code);
      expect(body.error.details?.['scenarios']).toEqual(scenarios.map((s) => s.name));
    }
  });

  // provokes: 1008 Token expired
  it('token-expired: frames, then 1008 Token expired while connected', async () => {
    const { run } = await play('token-expired');
    expectAsListed('token-expired', run);
    expect(run.close).toEqual({ code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOKEN_EXPIRED });
  });

  // provokes: 1008 Token revoked
  it('token-revoked: the start token after its grace is closed 1008 Token revoked, HTTP 401', async () => {
    const { run, job } = await play('token-revoked', 4_000);
    expectAsListed('token-revoked', run);
    const state = await fetch(`${server.origin}/api/job-state/${job.jobId}`, {
      headers: { Authorization: `Bearer ${job.token}` },
    });
    expect(state.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await state.json()).error.message).toBe(CLOSE_REASONS.TOKEN_REVOKED);
  });

  // provokes: 1008 Too many connections
  it('too-many-connections: every connect is the sixth, 1008 Too many connections', async () => {
    const { run } = await play('too-many-connections');
    expectAsListed('too-many-connections', run);
    expect(run.close).toEqual({ code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOO_MANY_CONNECTIONS });
  });

  // provokes: 1011 Job failed
  it('job-failed: error with retryable false, then 1011 Job failed', async () => {
    const { run } = await play('job-failed');
    expectAsListed('job-failed', run);
    expect(run.close).toEqual({ code: CLOSE_CODES.INTERNAL_ERROR, reason: CLOSE_REASONS.JOB_FAILED });
    const last = run.frames.at(-1);
    expect(last?.type === MESSAGE_TYPE.ERROR && last.payload.retryable).toBe(false);
  });

  // provokes: 1013 Try again later
  it('try-again-later: 1013 Try again later at once', async () => {
    const { run } = await play('try-again-later');
    expectAsListed('try-again-later', run);
    expect(run.close).toEqual({ code: CLOSE_CODES.TRY_AGAIN_LATER, reason: CLOSE_REASONS.TRY_AGAIN_LATER });
  });

  it('token-rotation: several token_refreshed, then 1000 Job complete', async () => {
    const { run } = await play('token-rotation');
    expectAsListed('token-rotation', run);
    expect(run.frames.filter((f) => f.type === MESSAGE_TYPE.TOKEN_REFRESHED).length).toBeGreaterThanOrEqual(2);
    expect(seqProblems(run.frames)).toBeUndefined();
  });

  it('seq-gap: seq 4 is never sent, the job still completes', async () => {
    const { run } = await play('seq-gap');
    expectAsListed('seq-gap', run);
    expect(run.frames.map((f) => f.seq)).not.toContain(4);
    expect(seqProblems(run.frames)).toBe('job_progress seq 5 after 3');
  });

  it('results-expired: results 200 after job_complete, then 404 NOT_FOUND', async () => {
    const { run, job } = await play('results-expired');
    expectAsListed('results-expired', run);
    const read = () =>
      fetch(`${server.origin}/v1/enrichment/results/${job.jobId}`, {
        headers: { Authorization: `Bearer ${job.token}` },
      });
    expect((await read()).status).toBe(200);
    await new Promise((done) => setTimeout(done, 6_000));
    const late = await read();
    expect(late.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await late.json()).error.code).toBe('NOT_FOUND');
  });

  it('slow-job: starts like any job (its minute of progress is not waited for)', async () => {
    const job = await start('slow-job');
    const run = await runSocket(server.origin, job.jobId, job.token, { timeoutMs: 8_000 });
    expect(run.invalid).toEqual([]);
    expect(firstArrivals(run)).toEqual([MESSAGE_TYPE.READY_ACK, MESSAGE_TYPE.JOB_STARTED, MESSAGE_TYPE.JOB_PROGRESS]);
  });
});
