// CI-sized contract fuzzing against a real `wrangler dev` (production configuration): ≥ 2,000 HTTP
// requests drawn from openapi.json, ≥ 150 WebSocket cases drawn from asyncapi.json, and every
// handshake (methods × upgrade headers × HTTP versions). Targets: no 5xx, no contract violation,
// every socket answered per x-close-codes, no broadcast lost, every handshake answered as documented.
import { OPERATIONS } from '@bookstrack/generated/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';
import { ensureOwnServer, FUZZ_SERVER_VARS } from './fuzz-server';
import { createFuzzJobs, runHttpFuzz, summarize } from './http-fuzz';
import { runWsFuzz, summarizeWs } from './ws-fuzz';
import { handshakeCases } from './ws-handshake-cases';
import { runHandshakeFuzz, summarizeHandshakes } from './ws-handshake-fuzz';

const HTTP_REQUESTS = 2_000;
const WS_CASES = 160;
// A fixed seed keeps CI reproducible; `npm run fuzz` draws a new one each run.
const SEED = 20_261_127;
let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({ vars: FUZZ_SERVER_VARS });
  await ensureOwnServer(server);
});

afterAll(async () => {
  await server?.stop();
});

describe('HTTP contract fuzzing', () => {
  it('answers 2,000 generated requests over every operation with documented statuses, valid bodies and no 5xx', async () => {
    const jobs = await createFuzzJobs(server.origin);
    const report = await runHttpFuzz({ origin: server.origin, runs: HTTP_REQUESTS, seed: SEED, concurrency: 12, jobs });
    console.log(summarize(report));
    expect(report.requests).toBe(HTTP_REQUESTS);
    expect(Object.keys(report.byOperation).sort()).toEqual([...Object.keys(OPERATIONS), 'unrouted'].sort());
    expect(report.violations.slice(0, 5)).toEqual([]);
    expect(report.serverErrors).toBe(0);
  });
});

describe('WebSocket contract fuzzing', () => {
  it('closes every bad socket as x-close-codes says while the healthy sockets of the job miss nothing', async () => {
    const report = await runWsFuzz({ origin: server.origin, wsOrigin: server.wsOrigin, seed: SEED, cases: WS_CASES });
    console.log(summarizeWs(report));
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(WS_CASES);
    expect(report.healthyGaps).toBe(0);
    expect(report.healthyFrames).toBeGreaterThan(20);
    const health = await fetch(`${server.origin}/health`);
    expect(health.status).toBe(200);
  });
});

describe('WebSocket handshake matrix', () => {
  it('answers every method × upgrade header × HTTP version with a 101 or a documented envelope, or the documented platform answer', async () => {
    const response = await fetch(`${server.origin}/api/csv/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'title\nDune\n',
    });
    const { data } = (await response.json()) as { data: { jobId: string } };
    const report = await runHandshakeFuzz(server.origin, data.jobId);
    console.log(summarizeHandshakes(report));
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.statuses['500']).toBeUndefined();
    // wrangler dev answers exactly the cases the AsyncAPI "Handshake errors" section says it does.
    const documented = handshakeCases()
      .filter((c) => JSON.stringify(c.devServer) !== JSON.stringify(c.worker))
      .map((c) => c.name);
    expect(report.platformAnswered).toEqual(documented);
    expect(report.byWorker + report.byPlatform).toBe(report.cases);
  });
});
