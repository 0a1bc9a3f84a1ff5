// What the walkthrough says about a generic reconnecting socket library, tried on wrangler dev with
// partysocket 1.3.0: with its defaults it reconnects after `1000 Job complete` and is sent the
// stored job_complete again on every reconnect; set up as the walkthrough shows (protocols as a
// function, `ready` on every open, close() on the codes whose policy is not a retry) it sees the
// job_complete once and stays closed.
import { CLOSE_CODE_TABLE, reconnectPolicyFor, SUBPROTOCOL } from '@bookstrack/client';
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { WebSocket as ReconnectingWebSocket } from 'partysocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({ vars: { RATE_LIMIT_PER_MINUTE: '1000' } });
});

afterAll(async () => {
  await server?.stop();
});

async function startJob(): Promise<{ jobId: string; token: string }> {
  const response = await fetch(`${server.origin}/api/csv/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: 'title,author\nDune,Frank Herbert\n',
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { data: { jobId: string; token: string } }).data;
}

interface Watch {
  socket: ReconnectingWebSocket;
  completes: number;
  closes: { code: number; reason: string }[];
}

function watch(job: { jobId: string; token: string }, options: ConstructorParameters<typeof ReconnectingWebSocket>[2]) {
  const socket = new ReconnectingWebSocket(
    `${server.wsOrigin}/ws/progress?jobId=${job.jobId}`,
    () => [SUBPROTOCOL.VERSION, SUBPROTOCOL.AUTH_PREFIX + job.token],
    options,
  );
  const seen: Watch = { socket, completes: 0, closes: [] };
  socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'ready' })));
  socket.addEventListener('message', (event) => {
    if (JSON.parse(String(event.data)).type === 'job_complete') seen.completes++;
  });
  socket.addEventListener('close', (event) => seen.closes.push({ code: event.code, reason: event.reason }));
  return seen;
}

const until = async (condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('a reconnecting socket library (partysocket) on a job that ends', () => {
  // provokes: 1000 Job complete
  it('with its defaults reconnects after 1000 Job complete and is replayed job_complete', async () => {
    const seen = watch(await startJob(), { minReconnectionDelay: 100, maxReconnectionDelay: 200 });
    await until(() => seen.completes >= 3, 'three job_complete frames');
    seen.socket.close();
    expect(seen.closes.slice(0, 2)).toEqual([
      { code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE },
      { code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE },
    ]);
  });

  // provokes: 1000 Job complete
  it('set up as the walkthrough shows, sees job_complete once and stays closed', async () => {
    const seen = watch(await startJob(), { minReconnectionDelay: 100, maxReconnectionDelay: 200 });
    seen.socket.addEventListener('close', (event) => {
      const entry = CLOSE_CODE_TABLE.find((row) => row.code === event.code);
      const policy = entry ? reconnectPolicyFor(entry, event.reason) : 'backoff';
      if (policy === 'none' || policy === 'new_token') seen.socket.close();
    });
    await until(() => seen.closes.length > 0, 'the close');
    // Ten reconnect delays: a library that was going to reconnect would have by now.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(seen.completes).toBe(1);
    expect(seen.closes).toEqual([{ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE }]);
    expect(seen.socket.readyState).toBe(ReconnectingWebSocket.CLOSED);
  });
});
