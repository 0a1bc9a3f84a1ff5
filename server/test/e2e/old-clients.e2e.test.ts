// Apps built on the last contract release, against this server on wrangler dev: one job of each
// pipeline started with the spec's own request examples, every frame of its socket recorded, its
// state and results read, and a few errors provoked; every body and frame is then decoded with the
// release's web readers and Swift decoding rules (releases/X.Y.Z/client/, see
// scripts/release/old-clients.ts). A failure is an app of that release broken by this server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOSE_CODES, CLOSE_REASONS, SUBPROTOCOL } from '@bookstrack/generated/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SwiftDecodingRules } from '../../../scripts/lib/swift-decoding-rules';
import { loadReleasedClient, oldClientReport, type Received } from '../../../scripts/release/old-clients';
import { lastRelease } from '../../../scripts/release/releases';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

const REPO = join(import.meta.dirname, '../../..');
const openapi = JSON.parse(readFileSync(join(REPO, 'generated/openapi.json'), 'utf8'));
const currentRules = JSON.parse(
  readFileSync(join(REPO, 'generated/swift/decoding-rules.json'), 'utf8'),
) as SwiftDecodingRules;

let server: DevServer;
const received: Received[] = [];

beforeAll(async () => {
  server = await startDevServer({ vars: { RATE_LIMIT_PER_MINUTE: '1000' } });
});

afterAll(async () => {
  await server?.stop();
});

/** The first named request example of an operation's JSON body, from the bundle. */
function requestExample(path: string): unknown {
  const examples = openapi.paths[path].post.requestBody.content['application/json'].examples;
  return Object.values(examples as Record<string, { value: unknown }>)[0]!.value;
}

async function record(operationId: string, response: Response): Promise<any> {
  const body = await response.json();
  received.push({
    source: `${operationId} ${response.status} (recorded)`,
    value: body,
    as: { response: { operationId, status: String(response.status) } },
  });
  return body;
}

/** Follows a job's socket to its close, recording every frame. */
function recordFrames(jobId: string, token: string): Promise<{ frames: number; code: number; reason: string }> {
  const socket = new WebSocket(`${server.wsOrigin}/ws/progress?jobId=${jobId}`, [
    `${SUBPROTOCOL.AUTH_PREFIX}${token}`,
    SUBPROTOCOL.VERSION,
  ]);
  let frames = 0;
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'ready' })));
    socket.on('message', (data) => {
      const value = JSON.parse(data.toString()) as { type?: string };
      received.push({ source: `${jobId} frame ${++frames} ${value.type} (recorded)`, value, as: { frame: true } });
    });
    socket.on('close', (code, reason) => resolve({ frames, code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}

const PIPELINES = [
  {
    start: 'importCsv',
    path: '/api/csv/import',
    body: () => ({ csv: 'title,author,isbn\nDune,Frank Herbert,9780441478125\nEmma,Jane Austen,\n' }),
    results: 'getCsvResults',
    resultsPath: '/v1/csv/results',
  },
  {
    start: 'startEnrichmentBatch',
    path: '/v1/enrichment/batch',
    body: () => requestExample('/v1/enrichment/batch'),
    results: 'getEnrichmentResults',
    resultsPath: '/v1/enrichment/results',
  },
  {
    start: 'startScanBatch',
    path: '/api/scan-bookshelf/batch',
    body: () => requestExample('/api/scan-bookshelf/batch'),
    results: 'getScanResults',
    resultsPath: '/v1/scan/results',
  },
] as const;

describe('apps built on the last release, against this server', () => {
  // provokes: 1000 Job complete
  it.each(PIPELINES)('$start: every response and frame of a job is recorded', async (pipeline) => {
    const started = await record(
      pipeline.start,
      await fetch(`${server.origin}${pipeline.path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(pipeline.body()),
      }),
    );
    const { jobId, token } = started.data;
    const run = await recordFrames(jobId, token);
    expect(run).toMatchObject({ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE });
    expect(run.frames).toBeGreaterThanOrEqual(3);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    await record('getJobState', await fetch(`${server.origin}/api/job-state/${jobId}`, auth));
    await record(pipeline.results, await fetch(`${server.origin}${pipeline.resultsPath}/${jobId}`, auth));
    await record(
      pipeline.results,
      await fetch(`${server.origin}${pipeline.resultsPath}/${jobId}`, {
        headers: { Authorization: 'Bearer 00000000-0000-4000-8000-000000000000' },
      }),
    );
  });

  it('errors are recorded too: unknown job, invalid JSON, wrong media type', async () => {
    const auth = { headers: { Authorization: 'Bearer 00000000-0000-4000-8000-000000000000' } };
    expect(
      (await record('getJobState', await fetch(`${server.origin}/api/job-state/job_unknown1`, auth))).error,
    ).toBeDefined();
    const post = (body: string, type: string) =>
      fetch(`${server.origin}/v1/enrichment/batch`, { method: 'POST', headers: { 'Content-Type': type }, body });
    await record('startEnrichmentBatch', await post('{"books": [', 'application/json'));
    await record('startEnrichmentBatch', await post('books', 'text/plain'));
    expect(await record('getHealth', await fetch(`${server.origin}/health`))).toBeDefined();
  });

  it('decode with the released readers and Swift rules, every one', async () => {
    const release = lastRelease(REPO)!;
    const client = await loadReleasedClient(REPO, release.version);
    const report = oldClientReport(client, received, currentRules);
    expect(report.problems).toEqual([]);
    const statuses = new Set(received.flatMap((item) => ('response' in item.as ? [item.as.response.status] : [])));
    expect([...statuses].sort()).toEqual(['200', '202', '400', '401', '404', '415']);
    // Every recorded value is one the release decodes, with both clients.
    expect(report.decoded).toEqual({ readers: received.length, swift: received.length });
  });
});
