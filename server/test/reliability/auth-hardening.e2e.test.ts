// Auth hardening against `wrangler dev` in the production configuration: tokens never reach the logs,
// `?token=` is refused unless ALLOW_QUERY_TOKEN, cancel/state/results refuse a missing or foreign
// token, a token of job A never opens job B, CORS as the contract needs it, and neither test hooks
// nor policy overrides work in production.
import openApiDocument from '@bookstrack/generated/openapi.json';
import { CLOSE_CODES, CLOSE_REASONS, SUBPROTOCOL, TOKEN_LIFETIME_MS } from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';
import { ensureOwnServer } from '../fuzz/fuzz-server';
import { authProtocols, openSocket, type SocketRecord } from '../fuzz/ws-client';

let production: DevServer;
let queryTokenServer: DevServer;
const seenTokens = new Set<string>();

beforeAll(async () => {
  [production, queryTokenServer] = await Promise.all([
    // Production as wrangler.jsonc ships it, plus policy overrides that production must ignore.
    // server/.dev.vars says development for local runs; --var puts production back, exactly as deployed.
    startDevServer({
      vars: {
        ENVIRONMENT: 'production',
        VALIDATE_RESPONSES: 'false',
        TOKEN_LIFETIME_SECONDS: '5',
        TOKEN_REFRESH_WINDOW_SECONDS: '7200',
        RESULTS_RETENTION_SECONDS: '1',
        JOB_STEP_DELAY_MS: '200',
      },
    }),
    startDevServer({ vars: { ENVIRONMENT: 'development', ALLOW_QUERY_TOKEN: 'true', JOB_STEP_DELAY_MS: '200' } }),
  ]);
  await Promise.all([ensureOwnServer(production), ensureOwnServer(queryTokenServer)]);
});

afterAll(async () => {
  await Promise.all([production?.stop(), queryTokenServer?.stop()]);
});

interface Job {
  jobId: string;
  token: string;
  expiresAt: string;
}

async function startCsv(server: DevServer, rows = 3): Promise<Job> {
  const csv = `title\n${Array.from({ length: rows }, (_, i) => `Book ${i}`).join('\n')}\n`;
  const response = await fetch(`${server.origin}/api/csv/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv,
  });
  const job = OPERATIONS.importCsv.responses[202].parse(await response.json()).data;
  seenTokens.add(job.token);
  return job;
}

async function call(
  server: DevServer,
  operationId: OperationId,
  jobId: string,
  authorization?: string,
): Promise<{ status: number; code?: string }> {
  const { method, path } = OPERATIONS[operationId];
  const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
  const response = await fetch(`${server.origin}${path.replace('{jobId}', jobId)}`, { method, headers });
  const schema = (OPERATIONS[operationId].responses as Record<number, z.ZodType>)[response.status];
  const body = schema?.parse(await response.json()) as { error?: { code: string } } | undefined;
  return { status: response.status, code: body?.error?.code };
}

function connect(server: DevServer, jobId: string, protocols: string[], query = ''): Promise<SocketRecord> {
  const socket = openSocket(server.wsOrigin, jobId, protocols, 10_000, query);
  void socket.opened.then(() => socket.send('{"type":"ready"}'));
  return socket.closed;
}

const TOKEN_OPERATIONS = [
  'getJobState',
  'cancelJob',
  'getCsvResults',
  'getEnrichmentResults',
  'getScanResults',
] as const;

describe('job tokens on HTTP', () => {
  it("refuses cancel, state and every results operation without a token or with another job's token", async () => {
    const [jobA, jobB] = await Promise.all([startCsv(production, 5_000), startCsv(production)]);
    for (const operationId of TOKEN_OPERATIONS) {
      expect(await call(production, operationId, jobA.jobId), operationId).toEqual({ status: 401, code: 'AUTH_ERROR' });
      expect(await call(production, operationId, jobA.jobId, `Bearer ${jobB.token}`), operationId).toEqual({
        status: 401,
        code: 'AUTH_ERROR',
      });
    }
    // The foreign cancel changed nothing: job A is still running for its owner.
    const state = await fetch(`${production.origin}/api/job-state/${jobA.jobId}`, {
      headers: { Authorization: `Bearer ${jobA.token}` },
    });
    expect(OPERATIONS.getJobState.responses[200].parse(await state.json()).data.status).toMatch(/^(queued|running)$/);
  });
});

describe('job tokens on the progress socket', () => {
  it('never opens job B with the token of job A', async () => {
    const [jobA, jobB] = await Promise.all([startCsv(production, 5_000), startCsv(production, 5_000)]);
    const record = await connect(production, jobB.jobId, authProtocols(jobA.token));
    expect([record.isOpened, record.frames.length, record.code, record.reason]).toEqual([
      true,
      0,
      CLOSE_CODES.POLICY_VIOLATION,
      CLOSE_REASONS.INVALID_TOKEN,
    ]);
  });

  it('ignores ?token= unless ALLOW_QUERY_TOKEN is "true"', async () => {
    const refusedJob = await startCsv(production, 5_000);
    const refused = await connect(production, refusedJob.jobId, [SUBPROTOCOL.VERSION], `&token=${refusedJob.token}`);
    expect([refused.frames.length, refused.code, refused.reason]).toEqual([
      0,
      CLOSE_CODES.POLICY_VIOLATION,
      CLOSE_REASONS.INVALID_TOKEN,
    ]);
    const allowedJob = await startCsv(queryTokenServer, 5_000);
    const socket = openSocket(
      queryTokenServer.wsOrigin,
      allowedJob.jobId,
      [SUBPROTOCOL.VERSION],
      10_000,
      `&token=${allowedJob.token}`,
    );
    await socket.opened;
    socket.send('{"type":"ready"}');
    expect(await socket.waitFor((frames) => frames.some((f) => f.type === 'ready_ack'))).toBe(true);
    socket.close();
  });
});

describe('production configuration', () => {
  it('ignores the token-policy override vars: a new token lives 2 hours and is outside its refresh window', async () => {
    const job = await startCsv(production);
    expect(Math.abs(Date.parse(job.expiresAt) - (Date.now() + TOKEN_LIFETIME_MS))).toBeLessThan(60_000);
    const response = await fetch(`${production.origin}/api/token/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jobId: job.jobId, oldToken: job.token }),
    });
    expect(OPERATIONS.refreshToken.responses[409].parse(await response.json()).error.code).toBe('CONFLICT');
  });

  it('serves nothing outside the documented operations and the demo page: no test-only route or hook', async () => {
    const probes = [
      '/__test',
      '/test',
      '/_test/reset',
      '/api/test',
      '/api/__reset',
      '/__scheduled',
      '/debug',
      '/internal',
      '/api/jobs/abcdefgh-1234/alarm',
      '/api/jobs/abcdefgh-1234/override',
      '/api/test/pipelines',
      '/v1/test',
      '/admin',
      '/.env',
      '/wrangler.jsonc',
    ];
    for (const path of probes) {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(`${production.origin}${path}`, { method });
        await response.arrayBuffer();
        expect([path, method, response.status]).toEqual([path, method, 404]);
      }
    }
  });
});

describe('CORS', () => {
  const documentedHeaders = (() => {
    const { components } = openApiDocument as unknown as { components: { headers: Record<string, unknown> } };
    // Response headers a browser fetch() must be able to read (the socket's handshake headers aside).
    return Object.keys(components.headers).filter((name) => !name.startsWith('Sec-WebSocket-'));
  })();

  it("answers every operation's preflight for any origin, without credentials, allowing its method and auth headers", async () => {
    for (const [operationId, operation] of Object.entries(OPERATIONS)) {
      const response = await fetch(`${production.origin}${operation.path.replace('{jobId}', 'abcdefgh-1234')}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://books.example',
          'Access-Control-Request-Method': operation.method,
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      await response.arrayBuffer();
      expect(response.status, operationId).toBe(204);
      expect(response.headers.get('access-control-allow-origin'), operationId).toBe('*');
      expect(response.headers.get('access-control-allow-credentials'), operationId).toBeNull();
      expect(
        response.headers
          .get('access-control-allow-methods')
          ?.split(',')
          .map((m) => m.trim()),
        operationId,
      ).toContain(operation.method);
      const allowed = response.headers
        .get('access-control-allow-headers')
        ?.toLowerCase()
        .split(',')
        .map((h) => h.trim());
      expect(allowed, operationId).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    }
  });

  it('exposes every response header the OpenAPI documents, on successes and error envelopes alike', async () => {
    const started = await fetch(`${production.origin}/api/csv/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', Origin: 'https://books.example' },
      body: 'title\nDune\n',
    });
    const failed = await fetch(`${production.origin}/api/job-state/abcdefgh-1234`, {
      headers: { Origin: 'https://books.example' },
    });
    for (const response of [started, failed]) {
      await response.arrayBuffer();
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const exposed = response.headers
        .get('access-control-expose-headers')
        ?.toLowerCase()
        .split(',')
        .map((h) => h.trim());
      expect(exposed).toEqual(expect.arrayContaining(documentedHeaders.map((h) => h.toLowerCase())));
    }
  });
});

describe('logs', () => {
  it('never contain a job token, across starts, reads, refreshes, sockets, failures and refusals', async () => {
    const job = await startCsv(production);
    // A scan of bytes that only look like a JPEG: its photo cannot be decoded mid-job.
    const scan = await fetch(`${production.origin}/api/scan-bookshelf/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        images: [{ index: 0, data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64') }],
      }),
    });
    const scanJob = OPERATIONS.startScanBatch.responses[202].parse(await scan.json()).data;
    seenTokens.add(scanJob.token);
    for (const operationId of TOKEN_OPERATIONS) await call(production, operationId, job.jobId, `Bearer ${job.token}`);
    await call(production, 'getJobState', job.jobId, `Bearer ${scanJob.token}`);
    await fetch(`${production.origin}/api/token/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jobId: job.jobId, oldToken: job.token }),
    });
    await connect(production, scanJob.jobId, authProtocols(scanJob.token));
    await connect(production, job.jobId, [SUBPROTOCOL.VERSION], `&token=${job.token}`);
    await connect(production, job.jobId, authProtocols(scanJob.token));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const logs = production.output() + queryTokenServer.output();
    // The capture is live: wrangler logged the requests that carried those tokens.
    expect(logs).toContain(`/api/job-state/${job.jobId}`);
    expect(seenTokens.size).toBeGreaterThanOrEqual(8);
    const leaked = [...seenTokens].filter((token) => logs.includes(token));
    expect(leaked).toEqual([]);
  });
});
