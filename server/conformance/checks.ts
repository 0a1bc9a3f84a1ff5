// The conformance walk: each check calls a running server the way a client does and validates
// every response with the generated strict validators (operations.ts, schemas.ts) and every frame
// with ServerMessage; close codes and reasons are the generated constants. A check never throws:
// it reports pass or fail with one line of detail.
import {
  CLOSE_CODES,
  CLOSE_REASONS,
  CONTRACT_VERSION,
  ERROR_CODE,
  MESSAGE_TYPE,
  SUBPROTOCOL,
} from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import { ErrorEnvelopeSchema, type ErrorCode, type ServerMessage } from '@bookstrack/generated/schemas';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { runSocket, seqProblems, type SocketRun } from './socket';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ConformanceOptions {
  baseUrl: string;
  /** Also play the simulator's scenarios when the server is the simulator (auto-detected). */
  includeSlowScenarios?: boolean;
  log?: (line: string) => void;
}

class CheckFailure extends Error {}

const MAX_RETRY_AFTER_SECONDS = 60;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function expectThat(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

function generatedDocument(name: 'openapi.json' | 'asyncapi.json'): unknown {
  return JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`@bookstrack/generated/${name}`)), 'utf8'));
}

/** fetch, but a job start over the per-IP limit (another run in the same minute) waits as told, once. */
async function send(url: URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, init);
  const retryAfter = Number(response.headers.get('Retry-After') ?? NaN);
  if (response.status !== 429 || !(retryAfter >= 0 && retryAfter <= MAX_RETRY_AFTER_SECONDS)) return response;
  await response.body?.cancel();
  await sleep(retryAfter * 1000 + 250);
  return fetch(url, init);
}

interface Called<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the server and parses the body with the operation's generated schema for the status. */
async function call<T = unknown>(
  baseUrl: string,
  operationId: OperationId,
  path: string,
  init: RequestInit = {},
): Promise<Called<T>> {
  const response = await send(new URL(path, baseUrl), init);
  const responses = OPERATIONS[operationId].responses as Record<number, z.ZodType | undefined>;
  expectThat(response.status in responses, `${operationId}: status ${response.status} is not documented`);
  const schema = responses[response.status];
  const text = await response.text();
  if (schema === undefined) return { status: response.status, headers: response.headers, body: text as T };
  const parsed = schema.safeParse(JSON.parse(text));
  expectThat(
    parsed.success,
    `${operationId} ${response.status}: ${parsed.error?.issues[0]?.path.join('.')} ${parsed.error?.issues[0]?.message}`,
  );
  return { status: response.status, headers: response.headers, body: parsed.data as T };
}

/** Any response that must be the error envelope with this status and code. */
async function expectError(response: Response, status: number, code: ErrorCode): Promise<string> {
  const text = await response.text();
  expectThat(response.status === status, `status ${response.status}, expected ${status}: ${text.slice(0, 120)}`);
  const parsed = ErrorEnvelopeSchema.safeParse(JSON.parse(text));
  expectThat(parsed.success, `not the error envelope: ${text.slice(0, 120)}`);
  expectThat(parsed.data.error.code === code, `code ${parsed.data.error.code}, expected ${code}`);
  expectThat(
    response.headers.get('X-Request-Id') === parsed.data.metadata.requestId,
    'X-Request-Id differs from metadata.requestId',
  );
  return `${status} ${code}`;
}

function expectSocket(run: SocketRun, code: number, reason: string): void {
  expectThat(run.invalid.length === 0, `invalid frame: ${run.invalid[0]}`);
  expectThat(
    run.close.code === code && run.close.reason === reason,
    `closed ${run.close.code} "${run.close.reason}", expected ${code} "${reason}" after ${types(run.frames)}`,
  );
}

function types(frames: readonly ServerMessage[]): string {
  return frames.map((f) => `${f.type}#${f.seq}`).join(' ') || 'no frames';
}

/** A whole job over the socket: echo, valid frames, seq without gaps, job_complete, 1000. */
function expectCompletedJob(run: SocketRun): string {
  expectThat(run.protocol === SUBPROTOCOL.VERSION, `echoed subprotocol "${run.protocol}"`);
  expectSocket(run, CLOSE_CODES.NORMAL_CLOSURE, CLOSE_REASONS.JOB_COMPLETE);
  const gap = seqProblems(run.frames);
  expectThat(gap === undefined, `seq: ${gap}`);
  expectThat(run.frames[0]?.type === MESSAGE_TYPE.READY_ACK, `first frame ${run.frames[0]?.type}`);
  expectThat(run.frames.at(-1)?.type === MESSAGE_TYPE.JOB_COMPLETE, `last frame ${run.frames.at(-1)?.type}`);
  expectThat(
    run.frames.every((f) => f.version === CONTRACT_VERSION),
    `a frame's version is not ${CONTRACT_VERSION}`,
  );
  return `${run.frames.length} frames valid, 1000 ${CLOSE_REASONS.JOB_COMPLETE}`;
}

interface Started {
  data: { jobId: string; token: string };
}

const CSV = 'title,author\nKindred,Octavia E. Butler\nThe Left Hand of Darkness,Ursula K. Le Guin\n';
const BOOKS = [
  { title: 'Kindred', author: 'Octavia E. Butler' },
  { title: 'Pride and Prejudice', author: 'Jane Austen' },
];
// A 1×1 PNG: the scan pipeline runs it (and detects nothing) without a provider.
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

interface PipelineCase {
  name: string;
  start: OperationId;
  path: string;
  body: unknown;
  results: OperationId;
  resultsPath: (jobId: string) => string;
}

const PIPELINES: readonly PipelineCase[] = [
  {
    name: 'csv_import',
    start: 'importCsv',
    path: OPERATIONS.importCsv.path,
    body: { csv: CSV },
    results: 'getCsvResults',
    resultsPath: (id) => `/v1/csv/results/${id}`,
  },
  {
    name: 'batch_enrichment',
    start: 'startEnrichmentBatch',
    path: OPERATIONS.startEnrichmentBatch.path,
    body: { books: BOOKS },
    results: 'getEnrichmentResults',
    resultsPath: (id) => `/v1/enrichment/results/${id}`,
  },
  {
    name: 'ai_scan',
    start: 'startScanBatch',
    path: OPERATIONS.startScanBatch.path,
    body: { images: [{ index: 0, data: PNG_1X1 }] },
    results: 'getScanResults',
    resultsPath: (id) => `/v1/scan/results/${id}`,
  },
];

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A real upgrade request (fetch may not send one) with no jobId, answered as a Response. */
function upgradeWithoutJobId(baseUrl: string): Promise<Response> {
  const target = new URL('/ws/progress', baseUrl);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(target.href, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
      },
    });
    request.on('upgrade', (_response, socket) => {
      socket.destroy();
      reject(new CheckFailure('the server upgraded a request without jobId'));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers = new Headers();
        for (const [key, value] of Object.entries(response.headers))
          if (typeof value === 'string') headers.set(key, value);
        resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 0, headers }));
      });
    });
    request.on('error', reject);
    request.end();
  });
}

function httpChecks(baseUrl: string): [string, () => Promise<string>][] {
  const url = (path: string) => new URL(path, baseUrl);
  return [
    [
      'GET /health',
      async () => {
        const { body } = await call<{ data: { version: string } }>(baseUrl, 'getHealth', '/health');
        expectThat(
          body.data.version === CONTRACT_VERSION,
          `version ${body.data.version}, expected ${CONTRACT_VERSION}`,
        );
        return `200 version ${body.data.version}`;
      },
    ],
    [
      'GET /openapi.json equals generated/',
      async () => {
        const { body } = await call(baseUrl, 'getOpenApiDocument', '/openapi.json');
        expectThat(isDeepStrictEqual(body, generatedDocument('openapi.json')), 'differs from generated/openapi.json');
        return '200, identical';
      },
    ],
    [
      'GET /asyncapi.json equals generated/',
      async () => {
        const { body } = await call(baseUrl, 'getAsyncApiDocument', '/asyncapi.json');
        expectThat(isDeepStrictEqual(body, generatedDocument('asyncapi.json')), 'differs from generated/asyncapi.json');
        return '200, identical';
      },
    ],
    ['unknown path → 404', async () => expectError(await fetch(url('/v1/no-such-route')), 404, ERROR_CODE.NOT_FOUND)],
    [
      'wrong method → 405',
      async () => {
        const response = await fetch(url('/health'), { method: 'DELETE' });
        const allow = response.headers.get('Allow');
        const verdict = await expectError(response, 405, ERROR_CODE.METHOD_NOT_ALLOWED);
        expectThat(allow !== null, 'no Allow header');
        return `${verdict}, Allow: ${allow}`;
      },
    ],
    [
      'wrong media type → 415',
      async () =>
        expectError(
          await send(url(OPERATIONS.startEnrichmentBatch.path), {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain' },
            body: 'Kindred',
          }),
          415,
          ERROR_CODE.UNSUPPORTED_MEDIA_TYPE,
        ),
    ],
    [
      'CSV over 10 MB → 413',
      async () =>
        expectError(
          await fetch(url(OPERATIONS.importCsv.path), {
            method: 'POST',
            headers: { 'Content-Type': 'text/csv' },
            body: `title\n${'x'.repeat(10 * 1024 * 1024 + 1)}\n`,
          }),
          413,
          ERROR_CODE.FILE_TOO_LARGE,
        ),
    ],
    [
      'malformed JSON → 400',
      async () =>
        expectError(
          await send(url(OPERATIONS.startEnrichmentBatch.path), {
            method: 'POST',
            headers: JSON_HEADERS,
            body: '{"books":',
          }),
          400,
          ERROR_CODE.INVALID_REQUEST,
        ),
    ],
    [
      'WebSocket upgrade without jobId → 400',
      async () => expectError(await upgradeWithoutJobId(baseUrl), 400, ERROR_CODE.MISSING_PARAMETER),
    ],
    [
      'GET /ws/progress without upgrade → 426',
      async () =>
        expectError(await fetch(url(`/ws/progress?jobId=${crypto.randomUUID()}`)), 426, ERROR_CODE.UPGRADE_REQUIRED),
    ],
  ];
}

function pipelineCheck(baseUrl: string, pipeline: PipelineCase): [string, () => Promise<string>] {
  return [
    `${pipeline.name} job over HTTP and WebSocket`,
    async () => {
      const started = await call<Started>(baseUrl, pipeline.start, pipeline.path, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify(pipeline.body),
      });
      expectThat(started.status === 202, `start answered ${started.status}`);
      const { jobId, token } = started.body.data;
      const verdict = expectCompletedJob(await runSocket(baseUrl, jobId, token));
      const auth = { headers: { Authorization: `Bearer ${token}` } };
      const results = await call(baseUrl, pipeline.results, pipeline.resultsPath(jobId), auth);
      expectThat(results.status === 200, `results answered ${results.status}`);
      const state = await call<{ data: { status: string } }>(baseUrl, 'getJobState', `/api/job-state/${jobId}`, auth);
      expectThat(state.status === 200 && state.body.data.status === 'completed', `job state ${state.status}`);
      return `202; ${verdict}; results 200; state completed`;
    },
  ];
}

function badTokenChecks(baseUrl: string): [string, () => Promise<string>][] {
  const startOne = async () => {
    const started = await call<Started>(baseUrl, 'startEnrichmentBatch', OPERATIONS.startEnrichmentBatch.path, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ books: BOOKS.slice(0, 1) }),
    });
    expectThat(started.status === 202, `start answered ${started.status}`);
    return started.body.data;
  };
  return [
    [
      'bad token: HTTP 401 and close 1008 Invalid token',
      async () => {
        const { jobId, token } = await startOne();
        const bogus = crypto.randomUUID();
        const state = await fetch(new URL(`/api/job-state/${jobId}`, baseUrl), {
          headers: { Authorization: `Bearer ${bogus}` },
        });
        const challenge = state.headers.get('WWW-Authenticate');
        const verdict = await expectError(state, 401, ERROR_CODE.AUTH_ERROR);
        expectThat(challenge?.startsWith('Bearer'), `WWW-Authenticate: ${challenge}`);
        const run = await runSocket(baseUrl, jobId, bogus);
        expectSocket(run, CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.INVALID_TOKEN);
        expectThat(run.frames.length === 0, `frames before the close: ${types(run.frames)}`);
        // Let the real token finish the job so nothing is left running.
        await runSocket(baseUrl, jobId, token);
        return `${verdict}; socket 1008 ${CLOSE_REASONS.INVALID_TOKEN}, nothing sent`;
      },
    ],
  ];
}

interface ScenarioCheck {
  scenario: string;
  code: number;
  reason: string;
  /** Wait before connecting (token-revoked: past the grace). */
  connectAfterMs?: number;
  extra?: (
    run: SocketRun,
    job: { jobId: string; token: string },
    baseUrl: string,
  ) => Promise<string | void> | string | void;
  isSlow?: boolean;
}

const SCENARIO_CHECKS: readonly ScenarioCheck[] = [
  {
    scenario: 'token-rotation',
    ...{ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE },
    extra: (run) => {
      const rotations = run.frames.filter((f) => f.type === MESSAGE_TYPE.TOKEN_REFRESHED).length;
      expectThat(rotations >= 2, `${rotations} token_refreshed frames`);
      return `${rotations} × token_refreshed`;
    },
  },
  { scenario: 'token-expired', code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOKEN_EXPIRED },
  {
    scenario: 'token-revoked',
    code: CLOSE_CODES.POLICY_VIOLATION,
    reason: CLOSE_REASONS.TOKEN_REVOKED,
    connectAfterMs: 4_000,
  },
  { scenario: 'too-many-connections', code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOO_MANY_CONNECTIONS },
  {
    scenario: 'job-failed',
    code: CLOSE_CODES.INTERNAL_ERROR,
    reason: CLOSE_REASONS.JOB_FAILED,
    extra: (run) => {
      const last = run.frames.at(-1);
      expectThat(last?.type === MESSAGE_TYPE.ERROR && !last.payload.retryable, `last frame ${last?.type}`);
      return 'error retryable false';
    },
  },
  { scenario: 'try-again-later', code: CLOSE_CODES.TRY_AGAIN_LATER, reason: CLOSE_REASONS.TRY_AGAIN_LATER },
  {
    scenario: 'seq-gap',
    code: CLOSE_CODES.NORMAL_CLOSURE,
    reason: CLOSE_REASONS.JOB_COMPLETE,
    extra: (run) => {
      const gap = seqProblems(run.frames);
      expectThat(gap !== undefined, 'no seq gap');
      return `gap: ${gap}`;
    },
  },
  {
    scenario: 'results-expired',
    code: CLOSE_CODES.NORMAL_CLOSURE,
    reason: CLOSE_REASONS.JOB_COMPLETE,
    extra: async (_run, { jobId, token }, baseUrl) => {
      const auth = { headers: { Authorization: `Bearer ${token}` } };
      const fresh = await call(baseUrl, 'getEnrichmentResults', `/v1/enrichment/results/${jobId}`, auth);
      expectThat(fresh.status === 200, `results at once: ${fresh.status}`);
      await sleep(6_000);
      const late = await fetch(new URL(`/v1/enrichment/results/${jobId}`, baseUrl), auth);
      expectThat(late.status === 404 || late.status === 401, `results after 6 s: ${late.status}`);
      await late.body?.cancel();
      return `results 200, then ${late.status}`;
    },
  },
  { scenario: 'slow-job', code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE, isSlow: true },
];

function scenarioCheck(baseUrl: string, check: ScenarioCheck): [string, () => Promise<string>] {
  return [
    `simulator ${check.scenario}`,
    async () => {
      const started = await call<Started>(
        baseUrl,
        'startSimulatorJob',
        `/v1/simulator/jobs?scenario=${check.scenario}`,
        {
          method: 'POST',
        },
      );
      expectThat(started.status === 202, `start answered ${started.status}`);
      const job = started.body.data;
      if (check.connectAfterMs) await sleep(check.connectAfterMs);
      const run = await runSocket(baseUrl, job.jobId, job.token, { timeoutMs: 90_000 });
      expectSocket(run, check.code, check.reason);
      const extra = await check.extra?.(run, job, baseUrl);
      return [`${check.code} ${check.reason}`, `${run.frames.length} frames`, extra].filter(Boolean).join('; ');
    },
  ];
}

async function isSimulator(baseUrl: string): Promise<boolean> {
  const response = await fetch(new URL('/v1/simulator/scenarios', baseUrl));
  await response.body?.cancel();
  return response.status === 200;
}

async function runCheck(name: string, check: () => Promise<string>): Promise<CheckResult> {
  try {
    return { name, ok: true, detail: await check() };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs every check; HTTP checks one by one, socket checks in parallel. */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const { baseUrl } = options;
  const results: CheckResult[] = [];
  for (const [name, check] of httpChecks(baseUrl)) results.push(await runCheck(name, check));
  const parallel = [...PIPELINES.map((p) => pipelineCheck(baseUrl, p)), ...badTokenChecks(baseUrl)];
  const simulated = await isSimulator(baseUrl).catch(() => false);
  results.push({
    name: 'contract simulator routes',
    ok: true,
    detail: simulated ? 'present: playing the scenarios' : '404 (not the simulator): scenarios skipped',
  });
  if (simulated) {
    const scenarioList = await runCheck('GET /v1/simulator/scenarios', async () => {
      const { body } = await call<{ data: { scenarios: { name: string }[] } }>(
        baseUrl,
        'listSimulatorScenarios',
        '/v1/simulator/scenarios',
      );
      return `${body.data.scenarios.length} scenarios`;
    });
    results.push(scenarioList);
    for (const check of SCENARIO_CHECKS)
      if (!check.isSlow || options.includeSlowScenarios) parallel.push(scenarioCheck(baseUrl, check));
  }
  results.push(...(await Promise.all(parallel.map(([name, check]) => runCheck(name, check)))));
  return results;
}

/** The pass/fail table, one row per check. */
export function formatTable(results: readonly CheckResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length), 5);
  const rows = results.map((r) => `${r.ok ? 'PASS  ' : 'FAIL  '}  ${r.name.padEnd(width)}  ${r.detail}`);
  const failed = results.filter((r) => !r.ok).length;
  const header = `${'RESULT'}  ${'check'.padEnd(width)}  detail`;
  return [header, ...rows, '', `${results.length - failed} passed, ${failed} failed`].join('\n');
}
