// Crash recovery on a real `wrangler dev`: two 20,000-row CSV imports run, the whole process group is
// SIGKILLed once both are past 3,500 rows, and a new `wrangler dev` starts on the same persisted state.
// Job A is rejoined by a socket (`reconnected` at or past its checkpoint, then completion); job B gets
// no socket and must resume by its own alarm. Both end with all 20,000 rows, each exactly once.
import { SUBPROTOCOL } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { ServerMessageSchema, type ServerMessage } from '@bookstrack/generated/schemas';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

const ROWS = 20_000;
const KILL_AFTER_ROWS = 3_500;
// Paced steps, so the kill lands mid-import and the import outlives the restart.
const VARS = { JOB_STEP_DELAY_MS: '100', RATE_LIMIT_PER_MINUTE: '1000' };
// One state folder for both servers, owned here: neither server removes it.
const persistDir = mkdtempSync(join(tmpdir(), 'bookstrack-crash-'));
const servers: DevServer[] = [];

afterAll(async () => {
  await Promise.allSettled(servers.map((server) => server.stop()));
  rmSync(persistDir, { recursive: true, force: true });
});

interface Job {
  jobId: string;
  token: string;
}

/** A socket that sends `ready` on open and parses every frame with ServerMessageSchema. */
class JobSocket {
  readonly frames: ServerMessage[] = [];
  readonly closed: Promise<number>;
  private listeners: (() => void)[] = [];

  constructor(wsOrigin: string, job: Job) {
    const socket = new WebSocket(`${wsOrigin}/ws/progress?jobId=${job.jobId}`, [
      SUBPROTOCOL.VERSION,
      `${SUBPROTOCOL.AUTH_PREFIX}${job.token}`,
    ]);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'ready' })));
    socket.on('message', (data) => {
      this.frames.push(ServerMessageSchema.parse(JSON.parse(data.toString())));
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', (code) => {
        resolve(code);
        this.wake();
      }),
    );
  }

  /** The highest processedCount this socket has seen (progress or reconnected). */
  processed(): number {
    return Math.max(
      0,
      ...this.frames.map((f) => (f.type === 'job_progress' || f.type === 'reconnected' ? f.payload.processedCount : 0)),
    );
  }

  /** Resolves once `predicate` holds; rejects if the socket closes first. */
  async until(predicate: () => boolean): Promise<void> {
    let isClosed = false;
    void this.closed.then(() => (isClosed = true));
    while (!predicate()) {
      if (isClosed) throw new Error(`socket closed first; frames ${this.frames.map((f) => f.type).join(',')}`);
      await new Promise<void>((resolve) => this.listeners.push(resolve));
    }
  }

  private wake(): void {
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

function csv(rows: number): string {
  return `title,author\n${Array.from({ length: rows }, (_, i) => `Book ${i + 1},Author ${i + 1}`).join('\n')}\n`;
}

async function startImport(origin: string): Promise<Job> {
  const response = await fetch(`${origin}/api/csv/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv(ROWS),
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(202);
  return OPERATIONS.importCsv.responses[202].parse(JSON.parse(text)).data;
}

async function jobState(origin: string, job: Job) {
  const response = await fetch(`${origin}/api/job-state/${job.jobId}`, {
    headers: { Authorization: `Bearer ${job.token}` },
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return OPERATIONS.getJobState.responses[200].parse(JSON.parse(text)).data;
}

/** Polls the job's state (HTTP reads never drive a job) until it completes. */
async function waitUntilCompleted(origin: string, job: Job, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const state = await jobState(origin, job);
    if (state.status === 'completed' || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function resultTitles(origin: string, job: Job): Promise<string[]> {
  const response = await fetch(`${origin}/v1/csv/results/${job.jobId}`, {
    headers: { Authorization: `Bearer ${job.token}` },
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  const results = OPERATIONS.getCsvResults.responses[200].parse(JSON.parse(text)).data;
  expect(results.errors).toEqual([]);
  return results.books.map((book) => book.title);
}

function expectEveryRowOnce(titles: string[]): void {
  expect(titles).toHaveLength(ROWS);
  expect(new Set(titles).size).toBe(ROWS);
  expect([...titles].sort()).toEqual(Array.from({ length: ROWS }, (_, i) => `Book ${i + 1}`).sort());
}

describe('crash recovery on wrangler dev', () => {
  it('resumes two imports after a SIGKILL: one rejoined at its checkpoint, one by its alarm alone; every row once', async () => {
    const startedAt = Date.now();
    const first = await startDevServer({ vars: VARS, persistDir });
    servers.push(first);
    const [jobA, jobB] = [await startImport(first.origin), await startImport(first.origin)];
    const [socketA, socketB] = [new JobSocket(first.wsOrigin, jobA), new JobSocket(first.wsOrigin, jobB)];
    await Promise.all([
      socketA.until(() => socketA.processed() >= KILL_AFTER_ROWS),
      socketB.until(() => socketB.processed() >= KILL_AFTER_ROWS),
    ]);
    await first.kill();
    const killedAt = Date.now();
    const seenBeforeKill = { a: socketA.processed(), b: socketB.processed() };
    expect(seenBeforeKill.a).toBeLessThan(ROWS);
    expect(seenBeforeKill.b).toBeLessThan(ROWS);

    const second = await startDevServer({ vars: VARS, persistDir });
    servers.push(second);
    const restartedAt = Date.now();
    const rejoined = new JobSocket(second.wsOrigin, jobA);
    await rejoined.until(() => rejoined.frames.some((f) => f.type === 'reconnected'));
    const types = rejoined.frames.map((f) => f.type).filter((type) => type !== 'token_refreshed');
    expect(types.slice(0, 2)).toEqual(['ready_ack', 'reconnected']);
    const reconnected = rejoined.frames.find((f) => f.type === 'reconnected');
    const resumedAt = reconnected?.type === 'reconnected' ? reconnected.payload.processedCount : -1;
    expect(resumedAt).toBeGreaterThanOrEqual(seenBeforeKill.a);
    expect(await rejoined.closed).toBe(1000);
    expect(rejoined.frames.at(-1)?.type).toBe('job_complete');

    // B has had no socket since the crash: only its persisted alarm can move it on.
    expect((await jobState(second.origin, jobB)).processedCount).toBeGreaterThanOrEqual(seenBeforeKill.b);
    const stateB = await waitUntilCompleted(second.origin, jobB, 40_000);
    expect(stateB).toMatchObject({ status: 'completed', processedCount: ROWS, totalCount: ROWS });
    expectEveryRowOnce(await resultTitles(second.origin, jobA));
    expectEveryRowOnce(await resultTitles(second.origin, jobB));
    console.log(
      `crash recovery: killed with A at ${seenBeforeKill.a} and B at ${seenBeforeKill.b} of ${ROWS} rows seen; ` +
        `A reconnected at ${resumedAt}; both completed with ${ROWS} rows each once; ` +
        `first server up and killed in ${((killedAt - startedAt) / 1000).toFixed(1)} s, restart ${(
          (restartedAt - killedAt) /
          1000
        ).toFixed(1)} s, total ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  });
});
