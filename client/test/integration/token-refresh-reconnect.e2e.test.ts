// The client against a real `wrangler dev` (Node, `ws`): with a short token policy the server rotates
// the token mid-job and revokes the old one; a dropped socket must reconnect with the newest token,
// get ready_ack + reconnected, and the results must load with that token. A bad token ends with 1008.
import { CsvResultsSchema } from '@bookstrack/generated/schemas';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../../server/test/helpers/wrangler-dev';
import {
  BooksTrackApi,
  BooksTrackApiError,
  ProgressSocketClient,
  type ProgressSocketEvents,
  type WebSocketConstructorLike,
} from '../../src/index';
import { nextEvent } from './next-event';

const ROWS = 5000; // 10 job steps of 500 rows
const STEP_DELAY_MS = 800;

/** Records the subprotocols of every socket the client opens. */
function recordingWebSocket(offered: string[][]): WebSocketConstructorLike {
  return class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols);
      offered.push(protocols);
    }
  } as unknown as WebSocketConstructorLike;
}

function csvOf(rows: number): string {
  return `title,author\n${Array.from({ length: rows }, (_, i) => `Book ${i + 1},Author ${i % 50}`).join('\n')}\n`;
}

const waitFor = <K extends keyof ProgressSocketEvents>(client: ProgressSocketClient, type: K, timeoutMs = 20_000) =>
  nextEvent(client, type, timeoutMs);

describe('ProgressSocketClient against wrangler dev', () => {
  let server: DevServer;
  let api: BooksTrackApi;

  beforeAll(async () => {
    server = await startDevServer({
      vars: {
        ENVIRONMENT: 'development',
        JOB_STEP_DELAY_MS: String(STEP_DELAY_MS),
        // A 20 s token refreshed once 18 s remain, checked every second: the first rotation comes ~2-3 s
        // after the socket connects; the old token is revoked 0.5 s later.
        TOKEN_LIFETIME_SECONDS: '20',
        TOKEN_REFRESH_WINDOW_SECONDS: '18',
        TOKEN_CHECK_INTERVAL_SECONDS: '1',
        TOKEN_GRACE_SECONDS: '0.5',
      },
    });
    api = new BooksTrackApi({ baseUrl: server.origin });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reconnects with the token from token_refreshed after the old one is revoked, and loads the results with it', async () => {
    const { data: job } = await api.importCsv(csvOf(ROWS));
    const offered: string[][] = [];
    const client = new ProgressSocketClient({
      baseUrl: server.origin,
      jobId: job.jobId,
      token: job.token,
      api,
      WebSocket: recordingWebSocket(offered),
    });
    const types: string[] = [];
    client.on('message', (m) => types.push(m.type));
    const gaps: unknown[] = [];
    client.on('gap', (g) => gaps.push(g));
    const closed = waitFor(client, 'closed', 60_000);
    client.connect();

    const rotated = await waitFor(client, 'token');
    expect(rotated.token).not.toBe(job.token);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // past the 0.5 s grace: the first token is revoked
    const oldTokenError = await api.getJobState(job.jobId, job.token).catch((e: unknown) => e);
    expect(oldTokenError).toBeInstanceOf(BooksTrackApiError);
    expect((oldTokenError as BooksTrackApiError).status).toBe(401);

    const tokenAtDrop = client.token;
    const seenAtDrop = types.length;
    client.dropConnection();
    const end = await closed;

    expect(offered[1]).toEqual(['bookstrack.v1', `bookstrack-auth.${tokenAtDrop}`]);
    // Frames already in flight on the dropped socket may still arrive before its close; the new
    // socket's first two frames are ready_ack then reconnected.
    const afterDrop = types.slice(seenAtDrop);
    const firstAck = afterDrop.indexOf('ready_ack');
    expect(afterDrop.slice(0, firstAck).every((type) => type === 'job_progress' || type === 'token_refreshed')).toBe(
      true,
    );
    expect(afterDrop.slice(firstAck, firstAck + 2)).toEqual(['ready_ack', 'reconnected']);
    expect(types.at(-1)).toBe('job_complete');
    expect([end.code, end.reason, end.cause]).toEqual([1000, 'Job complete', 'close_code']);
    expect(gaps).toEqual([]);

    const { data } = await api.getCsvResults(job.jobId, client.token);
    expect(CsvResultsSchema.parse(data).books).toHaveLength(ROWS);
  });

  it('ends with 1008 Invalid token and cause no_token when the token is wrong and no provider is given', async () => {
    const { data: job } = await api.importCsv(csvOf(10));
    const client = new ProgressSocketClient({
      baseUrl: server.origin,
      jobId: job.jobId,
      token: '00000000-0000-4000-8000-000000000000',
      api,
      WebSocket: WebSocket as unknown as WebSocketConstructorLike,
    });
    const closed = waitFor(client, 'closed');
    client.connect();
    const end = await closed;
    expect([end.code, end.reason, end.cause, end.entry?.name]).toEqual([
      1008,
      'Invalid token',
      'no_token',
      'policyViolation',
    ]);
  });
});
