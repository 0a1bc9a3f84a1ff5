// The seed document's token scenarios, edge cases and tests, against the real Durable Object.
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { JobStateSchema } from '@bookstrack/generated/schemas';
import { runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MIN,
  T0,
  fireAlarmsUntil,
  installTestPipeline,
  newJobId,
  removeTestPipeline,
  setClock,
  startJob,
  stubFor,
  timerKinds,
  titles,
  useClock,
  restoreClock,
} from '../helpers/durable';
import { connect, connectReady, type TestSocket } from '../helpers/websocket';

// A job that keeps running for hours: one item per step, steps 30 minutes apart, 10 items (4.5 h).
beforeEach(() => {
  useClock();
  installTestPipeline({ stepSize: 1, minStepIntervalMs: 30 * MIN });
});
afterEach(() => {
  removeTestPipeline();
  restoreClock();
});

const closeWith = (reason: string) => ({ code: CLOSE_CODES.POLICY_VIOLATION, reason });

function refreshedTokens(socket: TestSocket): { token: string; expiresAt: string; at: number }[] {
  return socket.frames
    .filter((f) => f.type === 'token_refreshed')
    .map((f) => ({ ...(f.payload as { token: string; expiresAt: string }), at: f.timestamp }));
}

async function hangUp(socket: TestSocket): Promise<void> {
  socket.ws.close(1000, 'bye');
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('seed scenario 1: an active socket across 4+ hours', () => {
  it('refreshes the token at 90 and 180 minutes, pushes token_refreshed, and never closes 1008', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 270 * MIN);
    expect(await socket.waitClosed()).toEqual({ code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE });
    const refreshes = refreshedTokens(socket);
    expect(refreshes.map((r) => (r.at - T0) / MIN)).toEqual([90, 180]);
    expect(refreshes.map((r) => r.expiresAt)).toEqual([
      new Date(T0 + 210 * MIN).toISOString(),
      new Date(T0 + 300 * MIN).toISOString(),
    ]);
    expect(new Set([job.token, ...refreshes.map((r) => r.token)]).size).toBe(3);
    const state = await stubFor(jobId).getState(refreshes[1]!.token);
    expect(state.ok && JobStateSchema.parse(state.value)).toMatchObject({
      status: 'completed',
      // Completed at 270 min: the token current then reads the job for the results' 24 h.
      tokenExpiresAt: new Date(T0 + 270 * MIN + 24 * 60 * MIN).toISOString(),
    });
    // The first refreshed token was revoked at 185 min; the original one's revocation was forgotten at 245 min.
    expect(await stubFor(jobId).getState(refreshes[0]!.token)).toMatchObject({
      ok: false,
      code: 'AUTH_ERROR',
      message: 'Token revoked',
    });
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({
      ok: false,
      code: 'AUTH_ERROR',
      message: 'Invalid token',
    });
  });
});

describe('seed scenario 2: a disconnected job is not refreshed', () => {
  it('lets the token expire at 2 hours and refuses a reconnect with Token expired', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 15 * MIN);
    await hangUp(socket);
    await fireAlarmsUntil(jobId, T0 + 119 * MIN);
    expect(await timerKinds(jobId)).not.toContain('token_check');
    const before = await stubFor(jobId).getState(job.token);
    expect(before).toMatchObject({ ok: true, value: { tokenExpiresAt: job.expiresAt, status: 'running' } });
    await fireAlarmsUntil(jobId, T0 + 150 * MIN);
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({
      ok: false,
      code: 'TOKEN_EXPIRED',
      message: 'Token expired',
    });
    const late = await connect(jobId, job.token);
    expect(await late.waitClosed()).toEqual(closeWith(CLOSE_REASONS.TOKEN_EXPIRED));
    expect(late.frames).toEqual([]);
    expect(refreshedTokens(socket)).toEqual([]);
  });
});

describe('seed scenario 3: reconnecting around a refresh', () => {
  // provokes: 1008 Token revoked
  it('accepts the old token 2 minutes after the refresh (with reconnected) and closes 1008 Token revoked at 6 minutes', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 90 * MIN);
    const [refresh] = refreshedTokens(await socket.waitFor('token_refreshed').then(() => socket));
    expect(refresh?.at).toBe(T0 + 90 * MIN);
    await hangUp(socket);
    setClock(T0 + 92 * MIN);
    const back = await connect(jobId, job.token);
    back.send({ type: 'ready' });
    const [ack, reconnected] = await back.waitFrames(2);
    expect([ack?.type, reconnected?.type]).toEqual(['ready_ack', 'reconnected']);
    expect(reconnected?.payload).toMatchObject({ status: 'running', processedCount: 4, totalCount: 10 });
    await hangUp(back);
    await fireAlarmsUntil(jobId, T0 + 96 * MIN);
    const refused = await connect(jobId, job.token);
    expect(await refused.waitClosed()).toEqual(closeWith(CLOSE_REASONS.TOKEN_REVOKED));
    const withNew = await connectReady(jobId, refresh!.token);
    expect(withNew.frames[0]?.type).toBe('ready_ack');
  });

  it('forgets a revocation after 2.5 hours: the old token is then simply invalid', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 90 * MIN);
    const fresh = (await socket.waitFor('token_refreshed')).payload.token;
    await fireAlarmsUntil(jobId, T0 + 95 * MIN + 150 * MIN - 1);
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({ code: 'AUTH_ERROR', message: 'Token revoked' });
    await fireAlarmsUntil(jobId, T0 + 95 * MIN + 150 * MIN);
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({ code: 'AUTH_ERROR', message: 'Invalid token' });
    const rows = await runInDurableObject(
      stubFor(jobId),
      (_, state) => state.storage.sql.exec('SELECT hash FROM tokens').toArray().length,
    );
    expect(rows).toBeGreaterThanOrEqual(1);
    expect(fresh).not.toBe(job.token);
  });
});

describe('seed test 3: idle expiry', () => {
  it('never refreshes a token whose client left at once; a reconnect after 2 hours is closed Token expired', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await hangUp(socket);
    await fireAlarmsUntil(jobId, T0 + 121 * MIN);
    const late = await connect(jobId, job.token);
    expect(await late.waitClosed()).toEqual(closeWith(CLOSE_REASONS.TOKEN_EXPIRED));
    expect(await stubFor(jobId).refreshToken(job.token)).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
  });
});

describe('seed edge case 1: a connected socket whose token expired without refresh', () => {
  // provokes: 1008 Token expired
  it('is closed 1008 Token expired by the expiry timer', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    // Simulate a missed refresh: the token check never runs.
    await runInDurableObject(stubFor(jobId), (_, state) => {
      state.storage.sql.exec("DELETE FROM timers WHERE kind = 'token_check'");
    });
    await fireAlarmsUntil(jobId, T0 + 120 * MIN);
    expect(await socket.waitClosed()).toEqual(closeWith(CLOSE_REASONS.TOKEN_EXPIRED));
  });
});

describe('a frame on a socket whose job token has expired', () => {
  it('is answered with close 1008 Token expired, checked against the stored expiry', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connect(jobId, job.token);
    // No timer will close it: the stored timestamp alone must.
    await runInDurableObject(stubFor(jobId), (_, state) => {
      state.storage.sql.exec("DELETE FROM timers WHERE kind IN ('token_check', 'token_expiry')");
    });
    setClock(T0 + 121 * MIN);
    socket.send({ type: 'ready' });
    expect(await socket.waitClosed()).toEqual(closeWith(CLOSE_REASONS.TOKEN_EXPIRED));
    expect(socket.frames).toEqual([]);
  });
});

describe('seed edge case 2: two clients on one token', () => {
  it('rotates the shared token for both and pushes the same new token to each', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const a = await connectReady(jobId, job.token);
    const b = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 90 * MIN);
    const [fromA, fromB] = [await a.waitFor('token_refreshed'), await b.waitFor('token_refreshed')];
    expect(fromA.payload).toEqual(fromB.payload);
    expect(fromA.seq).toBe(fromB.seq);
    expect(fromA.payload.token).not.toBe(job.token);
    expect(await stubFor(jobId).getState(fromA.payload.token)).toMatchObject({ ok: true });
  });
});

describe('seed edge case 4: a disconnect just before the refresh', () => {
  it('skips the refresh while nobody listens; the original token still connects a minute later', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 89 * MIN);
    await hangUp(socket);
    await fireAlarmsUntil(jobId, T0 + 91 * MIN);
    const back = await connectReady(jobId, job.token);
    expect(back.types()).toEqual(['ready_ack', 'reconnected']);
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({
      ok: true,
      value: { tokenExpiresAt: job.expiresAt },
    });
  });
});

describe('POST /api/token/refresh (refreshToken RPC)', () => {
  it('refuses the current token outside the refresh window and says when it opens', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    setClock(T0 + 10 * MIN);
    const opensAt = new Date(T0 + 90 * MIN).toISOString();
    expect(await stubFor(jobId).refreshToken(job.token)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `Token is not in its refresh window yet; the window opens at ${opensAt}`,
      details: { refreshWindowOpensAt: opensAt },
    });
  });

  it('rotates inside the window, pushes token_refreshed and graces the old token', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    setClock(T0 + 100 * MIN);
    const refreshed = await stubFor(jobId).refreshToken(job.token);
    expect(refreshed).toMatchObject({
      ok: true,
      value: { jobId, expiresAt: new Date(T0 + 220 * MIN).toISOString(), expiresIn: 7200 },
    });
    const token = refreshed.ok ? refreshed.value.token : '';
    expect((await socket.waitFor('token_refreshed')).payload.token).toBe(token);
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({ ok: true });
    setClock(T0 + 105 * MIN);
    expect(await stubFor(jobId).getState(job.token)).toMatchObject({
      ok: false,
      code: 'AUTH_ERROR',
      message: 'Token revoked',
    });
    expect(await stubFor(jobId).refreshToken(job.token)).toMatchObject({
      ok: false,
      code: 'AUTH_ERROR',
      message: 'Token revoked',
    });
  });

  it('rotates once under concurrent calls: both callers get the same new token', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    setClock(T0 + 95 * MIN);
    const [first, second] = await Promise.all([
      stubFor(jobId).refreshToken(job.token),
      stubFor(jobId).refreshToken(job.token),
    ]);
    expect(first.ok && second.ok).toBe(true);
    expect(first.ok && first.value.token).toBe(second.ok && second.value.token);
    const rows = await runInDurableObject(stubFor(jobId), (_, state) =>
      state.storage.sql
        .exec<{ role: string }>('SELECT role FROM tokens ORDER BY role')
        .toArray()
        .map((r) => r.role),
    );
    expect(rows).toEqual(['current', 'previous']);
  });

  it('returns the auto-refreshed token to a caller that still holds the graced one', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 90 * MIN);
    const pushed = (await socket.waitFor('token_refreshed')).payload;
    setClock(T0 + 91 * MIN);
    expect(await stubFor(jobId).refreshToken(job.token)).toEqual({
      ok: true,
      value: { jobId, token: pushed.token, expiresAt: pushed.expiresAt, expiresIn: 119 * 60 },
    });
  });

  it('rejects unknown tokens and jobs', async () => {
    const jobId = newJobId();
    await startJob(jobId, titles(1));
    expect(await stubFor(jobId).refreshToken(crypto.randomUUID())).toMatchObject({
      ok: false,
      code: 'AUTH_ERROR',
      message: 'Invalid token',
    });
    expect(await stubFor(newJobId()).refreshToken(crypto.randomUUID())).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('token storage', () => {
  it('keeps no token in plain text', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 90 * MIN);
    const fresh = (await socket.waitFor('token_refreshed')).payload.token;
    const dump = await runInDurableObject(stubFor(jobId), (_, state) =>
      JSON.stringify(
        ['tokens', 'timers', 'job', 'chunks'].map((t) => state.storage.sql.exec(`SELECT * FROM ${t}`).toArray()),
      ),
    );
    expect(dump).not.toContain(job.token);
    expect(dump).not.toContain(fresh);
  });
});

describe('a socket that connects late in its token life', () => {
  async function isStillOpen(socket: TestSocket): Promise<boolean> {
    const outcome = await Promise.race([
      socket.closed.then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('open'), 50)),
    ]);
    return outcome === 'open';
  }

  it('is checked at once inside the refresh window, refreshed, and not closed Token expired', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    // No socket for 110 minutes: nothing refreshes the token, which expires at 120 minutes.
    await fireAlarmsUntil(jobId, T0 + 110 * MIN);
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 130 * MIN);
    expect(refreshedTokens(socket).map((r) => (r.at - T0) / MIN)).toEqual([110]);
    expect(await isStillOpen(socket)).toBe(true);
  });

  it('is checked when the refresh window opens when that comes before the regular interval', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(10));
    await fireAlarmsUntil(jobId, T0 + 80 * MIN);
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 100 * MIN);
    expect(refreshedTokens(socket).map((r) => (r.at - T0) / MIN)).toEqual([90]);
  });
});
