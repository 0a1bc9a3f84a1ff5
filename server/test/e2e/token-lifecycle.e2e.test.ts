// The token lifecycle in real time against `wrangler dev`, with the policy shortened by vars (seconds
// instead of hours): a connected socket gets token_refreshed; the old token still opens a socket and
// reads state inside its grace period, and is refused with 1008 'Token revoked' (HTTP 401) after it;
// a socket that joins in its token's last second is refreshed at once; an unwatched job's token expires.
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { ServerMessage } from '@bookstrack/generated/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ensureOwnServer } from '../fuzz/fuzz-server';
import { authProtocols, openSocket, type RecordingSocket } from '../fuzz/ws-client';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

// Checks every 1.5 s, refresh when under 4 s remain: the second check after connect (~3 s) refreshes a
// 6 s token with ~3 s left, so the 1.5 s grace ends before the old token's own expiry.
const POLICY = { lifetime: 6, checkInterval: 1.5, refreshWindow: 4, grace: 1.5, revocation: 3 };
const SECOND = 1_000;
let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({
    vars: {
      ENVIRONMENT: 'development',
      VALIDATE_RESPONSES: 'true',
      JOB_STEP_DELAY_MS: '1000',
      TOKEN_LIFETIME_SECONDS: String(POLICY.lifetime),
      TOKEN_CHECK_INTERVAL_SECONDS: String(POLICY.checkInterval),
      TOKEN_REFRESH_WINDOW_SECONDS: String(POLICY.refreshWindow),
      TOKEN_GRACE_SECONDS: String(POLICY.grace),
      TOKEN_REVOCATION_SECONDS: String(POLICY.revocation),
    },
  });
  await ensureOwnServer(server);
});

afterAll(async () => {
  await server?.stop();
});

interface Job {
  jobId: string;
  token: string;
  startedAt: number;
  /** The server's expiry of the first token (epoch ms). */
  expiresAt: number;
}

/** A CSV job of 30 one-second steps: it outlives the test, so only tokens end its sockets. */
async function startLongJob(): Promise<Job> {
  const csv = `title\n${Array.from({ length: 15_000 }, (_, i) => `Book ${i}`).join('\n')}\n`;
  const response = await fetch(`${server.origin}/api/csv/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv,
  });
  const body = OPERATIONS.importCsv.responses[202].parse(await response.json());
  return {
    jobId: body.data.jobId,
    token: body.data.token,
    startedAt: Date.now(),
    expiresAt: Date.parse(body.data.expiresAt),
  };
}

async function jobState(jobId: string, token: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.origin}/api/job-state/${jobId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const schema = (OPERATIONS.getJobState.responses as Record<number, z.ZodType>)[response.status];
  return { status: response.status, body: schema?.parse(await response.json()) };
}

function connect(job: Job, token: string, isReady: boolean): RecordingSocket {
  const socket = openSocket(server.wsOrigin, job.jobId, authProtocols(token), 20 * SECOND);
  if (isReady) void socket.opened.then(() => socket.send('{"type":"ready"}'));
  return socket;
}

function until(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}

type TokenRefreshed = Extract<ServerMessage, { type: 'token_refreshed' }>;

describe('token lifecycle on wrangler dev (policy in seconds)', () => {
  // provokes: 1008 Token revoked
  // provokes: 1008 Token expired
  // provokes: 1008 Invalid token
  it('refreshes a connected job, honours the old token inside grace, revokes it after, refreshes a late socket at once, and refuses an expired token', async () => {
    const [jobA, jobB, jobC] = await Promise.all([startLongJob(), startLongJob(), startLongJob()]);
    const listener = connect(jobA, jobA.token, true);

    // 1. The periodic check rotates the token while a socket listens, and pushes it.
    expect(await listener.waitFor((frames) => frames.some((f) => f.type === 'token_refreshed'))).toBe(true);
    const refreshedAt = Date.now();
    const refreshed = listener.record.frames.find(
      (f): f is TokenRefreshed => f.type === 'token_refreshed',
    ) as TokenRefreshed;
    expect(refreshed.payload.token).not.toBe(jobA.token);
    expect(Math.abs(Date.parse(refreshed.payload.expiresAt) - (refreshedAt + POLICY.lifetime * SECOND))).toBeLessThan(
      SECOND,
    );
    expect(refreshedAt - jobA.startedAt).toBeLessThan(POLICY.lifetime * SECOND);

    // 2. Inside the grace period the old token still connects (ready_ack, reconnected) and reads state.
    const graced = connect(jobA, jobA.token, true);
    expect(await graced.waitFor((frames) => frames.some((f) => f.type === 'reconnected'))).toBe(true);
    expect(graced.record.frames.slice(0, 2).map((f) => f.type)).toEqual(['ready_ack', 'reconnected']);
    graced.close();
    expect((await jobState(jobA.jobId, jobA.token)).status).toBe(200);

    // 3. After the grace period the old token is revoked: handshake, nothing sent, 1008 'Token revoked'; HTTP 401.
    await until(refreshedAt + (POLICY.grace + 0.6) * SECOND);
    const revoked = await connect(jobA, jobA.token, false).closed;
    expect([revoked.isOpened, revoked.frames.length, revoked.code, revoked.reason]).toEqual([
      true,
      0,
      CLOSE_CODES.POLICY_VIOLATION,
      CLOSE_REASONS.TOKEN_REVOKED,
    ]);
    const refused = await jobState(jobA.jobId, jobA.token);
    expect(refused).toMatchObject({
      status: 401,
      body: { error: { code: 'AUTH_ERROR', message: CLOSE_REASONS.TOKEN_REVOKED } },
    });
    const newest = listener.record.frames
      .filter((f): f is TokenRefreshed => f.type === 'token_refreshed')
      .at(-1) as TokenRefreshed;
    expect((await jobState(jobA.jobId, newest.payload.token)).status).toBe(200);

    // 4. Job B's socket joins 1.2 s before its token expires, inside the refresh window: it is checked
    // at once and refreshed, and outlives the old token's expiry (no socket is closed for want of a
    // check). Job C never had a socket: nothing refreshed it, and its expired token is refused.
    await until(jobB.expiresAt - 1.2 * SECOND);
    const late = connect(jobB, jobB.token, true);
    expect(await late.waitFor((frames) => frames.some((f) => f.type === 'token_refreshed'))).toBe(true);
    await until(jobB.expiresAt + 0.5 * SECOND);
    expect(late.record.code).toBeUndefined();
    late.close();
    // Job C's POST may have been answered after job B's: wait for its own token's expiry.
    await until(jobC.expiresAt + 0.5 * SECOND);
    const expired = await connect(jobC, jobC.token, false).closed;
    expect([expired.isOpened, expired.frames.length, expired.code, expired.reason]).toEqual([
      true,
      0,
      CLOSE_CODES.POLICY_VIOLATION,
      CLOSE_REASONS.TOKEN_EXPIRED,
    ]);

    // 5. Once the revocation is forgotten, the old token is simply unknown.
    await until(refreshedAt + (POLICY.grace + POLICY.revocation + 0.6) * SECOND);
    const forgotten = await connect(jobA, jobA.token, false).closed;
    expect([forgotten.code, forgotten.reason]).toEqual([CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.INVALID_TOKEN]);

    // The listener lived through every rotation and was never closed for its token.
    expect(listener.record.code).toBeUndefined();
    listener.close();
    expect(Date.now() - jobA.startedAt).toBeLessThan(30 * SECOND);
  });
});
