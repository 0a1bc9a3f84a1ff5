// The seed's flow against a real `wrangler dev`: start a CSV import, follow it on the WebSocket with
// subprotocol auth, then read state and results, and refresh the token. Every response and frame is
// parsed with the generated validators.
import { CLOSE_CODES, CLOSE_REASONS, SUBPROTOCOL } from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import { ServerMessageSchema, type ServerMessage } from '@bookstrack/generated/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { z } from 'zod';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

const ROWS = 3_000;
let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({
    // Paced steps so progress is observable; a lifetime under the refresh window so refresh is allowed.
    vars: { JOB_STEP_DELAY_MS: '100', TOKEN_LIFETIME_SECONDS: '1200', RATE_LIMIT_PER_MINUTE: '1000' },
  });
});

afterAll(async () => {
  await server?.stop();
});

async function parsed<K extends OperationId>(response: Response, operationId: K, status: number): Promise<any> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  const schema = (OPERATIONS[operationId].responses as Record<number, z.ZodType>)[status] as z.ZodType;
  return schema.parse(JSON.parse(text));
}

function goodreadsCsv(rows: number): string {
  const lines = ['Book Id,Title,Author,ISBN,ISBN13,My Rating,Exclusive Shelf,Date Read'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},Book ${i},Author ${i},="",="",${i % 6},read,2024/01/02`);
  lines.push(`${rows + 1},Bad Isbn,Someone,="0441478124",="",0,read,`);
  return `${lines.join('\r\n')}\r\n`;
}

interface SocketRun {
  protocol: string;
  frames: ServerMessage[];
  code: number;
  reason: string;
}

function followJob(jobId: string, token: string): Promise<SocketRun> {
  const socket = new WebSocket(`${server.wsOrigin}/ws/progress?jobId=${jobId}`, [
    `${SUBPROTOCOL.AUTH_PREFIX}${token}`,
    SUBPROTOCOL.VERSION,
  ]);
  const frames: ServerMessage[] = [];
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'ready' })));
    socket.on('message', (data) => {
      try {
        frames.push(ServerMessageSchema.parse(JSON.parse(data.toString())));
      } catch (error) {
        reject(error);
      }
    });
    socket.on('close', (code, reason) =>
      resolve({ protocol: socket.protocol, frames, code, reason: reason.toString() }),
    );
    socket.on('error', reject);
  });
}

describe('CSV import end to end on wrangler dev', () => {
  // provokes: 1000 Job complete
  it('walks start → socket → progress → job_complete → close 1000 → state, results and token refresh', async () => {
    const started = await parsed(
      await fetch(`${server.origin}/api/csv/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: goodreadsCsv(ROWS),
      }),
      'importCsv',
      202,
    );
    const { jobId, token } = started.data as { jobId: string; token: string };

    const run = await followJob(jobId, token);
    expect(run.protocol).toBe(SUBPROTOCOL.VERSION);
    // The token lives less than the refresh window here, so the connect's token check refreshes it at
    // once: token_refreshed goes to every socket, so it may come before this socket's ready_ack.
    const ackAt = run.frames.findIndex((frame) => frame.type === 'ready_ack');
    expect(run.frames.slice(0, ackAt).every((frame) => frame.type === 'token_refreshed')).toBe(true);
    const types = run.frames.slice(ackAt).map((frame) => frame.type);
    expect(types[0]).toBe('ready_ack');
    expect(types).toContain('job_progress');
    expect(types.at(-1)).toBe('job_complete');
    // The job waited for this socket's ready: it sees the whole job from job_started (seq 1) on,
    // every broadcast in order with no gap, and never a reconnected.
    expect(types.filter((type) => type !== 'token_refreshed')[1]).toBe('job_started');
    expect(types).not.toContain('reconnected');
    // Every broadcast of the job, from seq 1 (a token_refreshed at connect may take it here, as the
    // token is short-lived), reached this socket.
    const broadcasts = run.frames.filter((frame) => frame.type !== 'ready_ack');
    expect(broadcasts.map((frame) => frame.seq).sort((a, b) => a - b)).toEqual(broadcasts.map((_, i) => i + 1));
    expect(run.code).toBe(CLOSE_CODES.NORMAL_CLOSURE);
    expect(run.reason).toBe(CLOSE_REASONS.JOB_COMPLETE);
    const complete = run.frames.at(-1) as Extract<ServerMessage, { type: 'job_complete' }>;
    expect(complete.payload.summary).toMatchObject({ totalProcessed: ROWS + 1, successCount: ROWS, failureCount: 1 });

    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const state = await parsed(await fetch(`${server.origin}/api/job-state/${jobId}`, auth), 'getJobState', 200);
    expect(state.data).toMatchObject({ status: 'completed', progress: 1, processedCount: ROWS + 1 });

    const results = await parsed(
      await fetch(`${server.origin}${complete.payload.resultsUrl}`, auth),
      'getCsvResults',
      200,
    );
    expect(results.data.books).toHaveLength(ROWS);
    expect(results.data.books[0]).toMatchObject({
      title: 'Book 1',
      line: 2,
      rating: 1,
      shelf: 'read',
      dateRead: '2024-01-02',
      source: 'goodreads',
    });
    expect(results.data.errors).toEqual([
      { line: ROWS + 2, message: 'ISBN "0441478124" is invalid: ISBN-10 checksum does not match' },
    ]);

    const refreshed = await parsed(
      await fetch(`${server.origin}/api/token/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jobId, oldToken: token }),
      }),
      'refreshToken',
      200,
    );
    expect(refreshed.data.token).not.toBe(token);
    const withNewToken = await fetch(`${server.origin}/v1/csv/results/${jobId}`, {
      headers: { Authorization: `Bearer ${refreshed.data.token}` },
    });
    expect((await parsed(withNewToken, 'getCsvResults', 200)).data.books).toHaveLength(ROWS);
  });

  it('serves the contract documents and answers CORS preflights on the running server', async () => {
    const openapi = await parsed(await fetch(`${server.origin}/openapi.json`), 'getOpenApiDocument', 200);
    expect(openapi.openapi).toBe('3.1.0');
    const docs = await fetch(`${server.origin}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('href="/docs/http"');
    expect((await fetch(`${server.origin}/docs/ws`)).status).toBe(200);
    const preflight = await fetch(`${server.origin}/api/csv/import`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
