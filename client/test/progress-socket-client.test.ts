import { CLOSE_REASONS } from '@bookstrack/generated/constants';
import type { JobState } from '@bookstrack/generated/readers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BooksTrackApiError } from '../src/api-error';
import { ProgressSocketClient, type ProgressSocketOptions } from '../src/progress-socket-client';
import { refreshingTokenProvider } from '../src/token-provider';
import type { ProgressSocketEvents } from '../src/socket-types';
import { FakeWebSocket } from './support/fake-websocket';
import { ManualScheduler } from './support/manual-scheduler';
import {
  JOB_ID,
  NEW_TOKEN,
  TOKEN,
  jobComplete,
  jobProgress,
  jobStarted,
  jobState,
  readyAck,
  reconnected,
  tokenRefreshed,
} from './support/messages';

/** Lets the client's awaited promises (state checks, token provider, fake close events) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

class StateReader {
  readonly calls: { jobId: string; token: string }[] = [];
  constructor(private status: JobState['status'] = 'running') {}
  async getJobState(jobId: string, token: string) {
    this.calls.push({ jobId, token });
    return { data: { ...jobState('running'), status: this.status } };
  }
}

function setup(overrides: Partial<ProgressSocketOptions> = {}) {
  const scheduler = new ManualScheduler();
  const api = new StateReader();
  const client = new ProgressSocketClient({
    baseUrl: 'https://api.example.test',
    jobId: JOB_ID,
    token: TOKEN,
    WebSocket: FakeWebSocket,
    scheduler,
    api,
    ...overrides,
  });
  const events: { type: keyof ProgressSocketEvents; event: unknown }[] = [];
  const types = ['open', 'message', 'unknown', 'invalid', 'gap', 'state', 'token', 'reconnecting', 'closed'] as const;
  for (const type of types) client.on(type, (event) => events.push({ type, event }));
  const ofType = <K extends keyof ProgressSocketEvents>(type: K) =>
    events.filter((e) => e.type === type).map((e) => e.event as ProgressSocketEvents[K]);
  return { client, scheduler, api, events, ofType };
}

function connectAndAck(client: ProgressSocketClient, ackSeq = 0): FakeWebSocket {
  client.connect();
  const socket = FakeWebSocket.latest();
  socket.serverOpen();
  socket.serverSend(readyAck(ackSeq));
  return socket;
}

beforeEach(() => {
  FakeWebSocket.instances = [];
});
afterEach(() => {
  FakeWebSocket.instances = [];
});

describe('ProgressSocketClient handshake', () => {
  it('offers bookstrack.v1 and the auth subprotocol on the wss URL of the job', () => {
    const { client } = setup();
    client.connect();
    const socket = FakeWebSocket.latest();
    expect(socket.url).toBe(`wss://api.example.test/ws/progress?jobId=${JOB_ID}`);
    expect(socket.protocols).toEqual(['bookstrack.v1', `bookstrack-auth.${TOKEN}`]);
  });

  it('sends ready once the socket opens', () => {
    const { client, ofType } = setup();
    client.connect();
    FakeWebSocket.latest().serverOpen('bookstrack.v1');
    expect(FakeWebSocket.latest().sentMessages()).toEqual([{ type: 'ready' }]);
    expect(ofType('open')).toEqual([{ protocol: 'bookstrack.v1', attempt: 0 }]);
  });

  it('uses ws: for an http base URL', () => {
    const { client } = setup({ baseUrl: 'http://127.0.0.1:8787' });
    client.connect();
    expect(FakeWebSocket.latest().url).toBe(`ws://127.0.0.1:8787/ws/progress?jobId=${JOB_ID}`);
  });
});

describe('ProgressSocketClient messages', () => {
  it('emits each validated message under its type and as message', () => {
    const { client, ofType } = setup();
    const progress: unknown[] = [];
    client.on('job_progress', (message) => progress.push(message.payload.processedCount));
    const socket = connectAndAck(client);
    socket.serverSend(jobStarted(1));
    socket.serverSend(jobProgress(2, 1));
    expect(progress).toEqual([1]);
    expect(ofType('message').map((m) => m.type)).toEqual(['ready_ack', 'job_started', 'job_progress']);
  });

  it('surfaces an unknown message type without throwing and keeps going', () => {
    const { client, ofType } = setup();
    const socket = connectAndAck(client);
    socket.serverSend({ type: 'job_paused', seq: 1 });
    socket.serverSend(jobStarted(1));
    expect(ofType('unknown')).toEqual([{ type: 'job_paused', data: { type: 'job_paused', seq: 1 } }]);
    expect(ofType('message').map((m) => m.seq)).toEqual([0, 1]);
  });

  it('delivers a frame with a field and a JobStatus it does not know, and keeps following the job', async () => {
    const reader = new StateReader({ unknown: 'paused' });
    const { client, scheduler, ofType } = setup({ api: reader });
    const socket = connectAndAck(client, 2);
    const frame = reconnected(2, 2);
    const payload = { ...frame.payload, status: 'paused', pausedUntil: '2026-11-27T15:00:00Z' };
    socket.serverSend({ ...frame, region: 'eu', payload });
    expect(ofType('invalid')).toEqual([]);
    const delivered = ofType('message').at(-1);
    expect(delivered).toEqual({ ...frame, region: 'eu', payload: { ...payload, status: { unknown: 'paused' } } });
    socket.serverClose(1006, '');
    await settle();
    // Neither the frame's nor the snapshot's unknown status counts as terminal: the client reconnects.
    expect(ofType('state').map((state) => state.status)).toEqual([{ unknown: 'paused' }]);
    expect(ofType('reconnecting')).toHaveLength(1);
    scheduler.runAll();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('reports an invalid frame and does not emit it as a message', () => {
    const { client, ofType } = setup();
    const socket = connectAndAck(client);
    socket.serverSend({ ...jobStarted(1), payload: { totalCount: -1 } });
    expect(ofType('invalid').map((e) => e.issues[0]?.path)).toEqual(['payload.totalCount']);
    expect(ofType('message')).toHaveLength(1);
  });

  it('keeps the newest token from token_refreshed and reconnects with it', async () => {
    const { client, scheduler, ofType } = setup();
    const socket = connectAndAck(client, 3);
    socket.serverSend(tokenRefreshed(4, NEW_TOKEN));
    expect(client.token).toBe(NEW_TOKEN);
    expect(ofType('token')).toEqual([{ token: NEW_TOKEN, expiresAt: '2026-11-27T16:00:00Z' }]);
    socket.serverClose(1006, '');
    await settle();
    scheduler.runAll();
    expect(FakeWebSocket.latest().protocols).toEqual(['bookstrack.v1', `bookstrack-auth.${NEW_TOKEN}`]);
  });

  it('sends cancel on an open socket and refuses before it opens', () => {
    const { client } = setup();
    client.connect();
    expect(client.cancel()).toBe(false);
    FakeWebSocket.latest().serverOpen();
    expect(client.cancel()).toBe(true);
    expect(FakeWebSocket.latest().sentMessages()).toEqual([{ type: 'ready' }, { type: 'cancel' }]);
  });
});

describe('ProgressSocketClient seq gaps', () => {
  it('emits gap and re-syncs from GET /api/job-state with the newest token', async () => {
    const { client, api, ofType } = setup();
    const socket = connectAndAck(client, 2);
    socket.serverSend(jobProgress(5, 2));
    await settle();
    expect(ofType('gap').map(({ expected, received }) => ({ expected, received }))).toEqual([
      { expected: 3, received: 5 },
    ]);
    expect(api.calls).toEqual([{ jobId: JOB_ID, token: TOKEN }]);
    expect(ofType('state').map((s) => s.status)).toEqual(['running']);
  });

  it('does not count a broadcast that reaches a new socket before its ready_ack (ready_ack re-syncs)', async () => {
    const { client, scheduler, api, ofType } = setup();
    const socket = connectAndAck(client, 4);
    client.dropConnection();
    await settle();
    scheduler.runAll();
    const next = FakeWebSocket.latest();
    next.serverOpen();
    // token_refreshed goes to every socket, ready or not: here it overtakes this socket's ready_ack.
    next.serverSend(tokenRefreshed(6, NEW_TOKEN));
    next.serverSend(readyAck(6));
    next.serverSend(reconnected(6, 3));
    next.serverSend(jobProgress(7, 4));
    await settle();
    expect(socket.clientClose?.code).toBe(4000);
    expect(ofType('gap')).toEqual([]);
    expect(api.calls).toEqual([]);
    expect(client.token).toBe(NEW_TOKEN);
  });

  it('does not report a gap after reconnected, which repeats the last seq', async () => {
    const { client, api, ofType } = setup();
    const socket = connectAndAck(client, 7);
    socket.serverSend(reconnected(7, 2));
    socket.serverSend(jobProgress(8, 3));
    await settle();
    expect(ofType('gap')).toEqual([]);
    expect(api.calls).toEqual([]);
  });
});

describe('ProgressSocketClient close codes', () => {
  it('stops after job_complete and 1000 without reconnecting', async () => {
    const { client, scheduler, ofType } = setup();
    const socket = connectAndAck(client, 0);
    socket.serverSend(jobComplete(1));
    socket.serverClose(1000, CLOSE_REASONS.JOB_COMPLETE);
    await settle();
    expect(ofType('closed').map(({ code, cause, entry }) => ({ code, cause, name: entry?.name }))).toEqual([
      { code: 1000, cause: 'close_code', name: 'normalClosure' },
    ]);
    expect(scheduler.pendingCount).toBe(0);
    expect(client.phase).toBe('closed');
  });

  it('reconnects with backoff after a lost link and resets the attempts after ready_ack', async () => {
    const { client, scheduler, ofType } = setup();
    connectAndAck(client, 1).serverClose(1006, '');
    await settle();
    scheduler.runAll();
    FakeWebSocket.latest().serverClose(1006, '');
    await settle();
    scheduler.runAll();
    const third = FakeWebSocket.latest();
    third.serverOpen();
    third.serverSend(readyAck(1));
    third.serverClose(1006, '');
    await settle();
    expect(ofType('reconnecting').map((e) => [e.attempt, e.delayMs])).toEqual([
      [1, 1000],
      [2, 2000],
      [1, 1000],
    ]);
    expect(FakeWebSocket.instances).toHaveLength(3);
  });

  it('after 1001 Job canceled checks the state and stays closed', async () => {
    const reader = new StateReader('canceled');
    const { client, scheduler, ofType } = setup({ api: reader });
    connectAndAck(client).serverClose(1001, CLOSE_REASONS.JOB_CANCELED);
    await settle();
    expect(reader.calls).toEqual([{ jobId: JOB_ID, token: TOKEN }]);
    expect(ofType('closed').map(({ code, cause, state }) => ({ code, cause, status: state?.status }))).toEqual([
      { code: 1001, cause: 'job_ended', status: 'canceled' },
    ]);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('after a 1001 this server never sends (a proxy restart) checks the state and reconnects after the table 5 s', async () => {
    const { client, scheduler, api, ofType } = setup();
    connectAndAck(client).serverClose(1001, 'CloudFlare WebSocket Proxy restarting');
    await settle();
    expect(api.calls).toHaveLength(1);
    expect(ofType('reconnecting').map((e) => e.delayMs)).toEqual([5000]);
    scheduler.runAll();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('after 1006 (a deploy restarted the job object) checks the state, backs off and reconnects', async () => {
    const { client, scheduler, api, ofType } = setup();
    connectAndAck(client).serverClose(1006, '');
    await settle();
    expect(api.calls).toHaveLength(1);
    expect(ofType('reconnecting').map((e) => [e.delayMs, e.entry?.sentBy])).toEqual([[1000, 'platform']]);
    scheduler.runAll();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('after 1013 waits the 30 s retry hint plus a random part of the 10 s jitter', async () => {
    const { client, scheduler } = setup({ random: () => 0.5 });
    connectAndAck(client).serverClose(1013, CLOSE_REASONS.TRY_AGAIN_LATER);
    await settle();
    expect(scheduler.delays).toEqual([35_000]);
  });

  it('after 1013 spreads the wait over [30 s, 40 s) with the random source', async () => {
    const delays: number[] = [];
    for (const draw of [0, 0.999]) {
      const { client, scheduler } = setup({ random: () => draw });
      connectAndAck(client).serverClose(1013, CLOSE_REASONS.TRY_AGAIN_LATER);
      await settle();
      delays.push(...scheduler.delays);
    }
    expect(delays).toEqual([30_000, 39_990]);
  });

  it('after 1011 Job failed fetches the state and stays closed', async () => {
    const { client, ofType } = setup({ api: new StateReader('failed') });
    connectAndAck(client).serverClose(1011, CLOSE_REASONS.JOB_FAILED);
    await settle();
    expect(ofType('closed').map((e) => e.cause)).toEqual(['job_ended']);
  });

  it('after 1002 stops: a protocol error is a client bug, not a reason to loop', async () => {
    const { client, scheduler, ofType } = setup();
    connectAndAck(client).serverClose(1002, CLOSE_REASONS.UNKNOWN_MESSAGE_TYPE);
    await settle();
    expect(ofType('closed').map((e) => [e.code, e.cause])).toEqual([[1002, 'close_code']]);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('after 1008 reconnects at once with a token_refreshed token that differs from the rejected one', async () => {
    const { client, scheduler } = setup();
    const socket = connectAndAck(client, 1);
    socket.serverSend(tokenRefreshed(2, NEW_TOKEN));
    socket.serverClose(1008, CLOSE_REASONS.TOKEN_EXPIRED);
    await settle();
    expect(scheduler.delays).toEqual([0]);
    scheduler.runAll();
    expect(FakeWebSocket.latest().protocols[1]).toBe(`bookstrack-auth.${NEW_TOKEN}`);
  });

  it('after 1008 asks the token provider when it has no newer token', async () => {
    const requests: unknown[] = [];
    const { client, scheduler } = setup({
      tokenProvider: (request) => {
        requests.push(request);
        return NEW_TOKEN;
      },
    });
    connectAndAck(client).serverClose(1008, CLOSE_REASONS.TOKEN_REVOKED);
    await settle();
    scheduler.runAll();
    expect(requests).toEqual([{ jobId: JOB_ID, rejectedToken: TOKEN, reason: 'Token revoked' }]);
    expect(FakeWebSocket.latest().protocols[1]).toBe(`bookstrack-auth.${NEW_TOKEN}`);
  });

  it('after 1008 stops with no_token when the provider has nothing new', async () => {
    const { client, scheduler, ofType } = setup({ tokenProvider: () => TOKEN });
    client.connect();
    FakeWebSocket.latest().serverOpen();
    FakeWebSocket.latest().serverClose(1008, CLOSE_REASONS.INVALID_TOKEN);
    await settle();
    expect(ofType('closed').map((e) => [e.code, e.reason, e.cause])).toEqual([[1008, 'Invalid token', 'no_token']]);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('after 1008 Too many connections stops with that reason and asks no token: the limit is not a token problem', async () => {
    const refreshes: string[] = [];
    const envelope = { data: null, metadata: { timestamp: '2026-11-27T14:00:00Z', requestId: 'req-1' } };
    const tokenProvider = refreshingTokenProvider({
      refreshToken: async (_jobId, oldToken) => {
        refreshes.push(oldToken);
        const error = { code: 'CONFLICT' as const, message: 'Not inside the refresh window' };
        throw new BooksTrackApiError(409, { ...envelope, error });
      },
    });
    const { client, scheduler, ofType } = setup({ tokenProvider });
    client.connect();
    FakeWebSocket.latest().serverOpen();
    FakeWebSocket.latest().serverClose(1008, CLOSE_REASONS.TOO_MANY_CONNECTIONS);
    await settle();
    expect(refreshes).toEqual([]);
    expect(ofType('closed').map((e) => [e.code, e.reason, e.cause])).toEqual([
      [1008, CLOSE_REASONS.TOO_MANY_CONNECTIONS, 'close_code'],
    ]);
    expect(scheduler.pendingCount).toBe(0);
    expect(client.phase).toBe('closed');
  });

  it('gives up after maxReconnectAttempts consecutive failures', async () => {
    const { client, scheduler, ofType } = setup({ maxReconnectAttempts: 2 });
    client.connect();
    for (let i = 0; i < 3; i += 1) {
      FakeWebSocket.latest().serverClose(1006, '');
      await settle();
      scheduler.runAll();
    }
    expect(ofType('reconnecting')).toHaveLength(2);
    expect(ofType('closed').map((e) => e.cause)).toEqual(['gave_up']);
  });
});

describe('ProgressSocketClient close and drop', () => {
  it('close() ends for good, cancels a pending reconnect and emits closed once', async () => {
    const { client, scheduler, ofType } = setup();
    connectAndAck(client).serverClose(1006, '');
    await settle();
    expect(scheduler.pendingCount).toBe(1);
    client.close();
    client.close();
    expect(scheduler.pendingCount).toBe(0);
    expect(ofType('closed').map((e) => e.cause)).toEqual(['client']);
  });

  it('dropConnection() closes the socket like a lost link and the client reconnects', async () => {
    const { client, scheduler, ofType } = setup();
    const socket = connectAndAck(client, 4);
    client.dropConnection();
    await settle();
    expect(socket.clientClose).toEqual({ code: 4000, reason: 'Connection dropped by the client' });
    expect(ofType('reconnecting').map((e) => [e.code, e.delayMs])).toEqual([[4000, 1000]]);
    scheduler.runAll();
    const next = FakeWebSocket.latest();
    next.serverOpen();
    next.serverSend(readyAck(6));
    next.serverSend(reconnected(6, 3));
    expect(ofType('message').map((m) => m.type)).toEqual(['ready_ack', 'ready_ack', 'reconnected']);
    expect(ofType('gap')).toEqual([]);
  });
});
