import { CLOSE_CODES, CLOSE_REASONS, LIMITS, SUBPROTOCOL } from '@bookstrack/generated/constants';
import { runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobState } from '@bookstrack/generated/schemas';
import {
  T0,
  armedAlarm,
  fireNextAlarm,
  plain,
  setClock,
  installTestPipeline,
  newJobId,
  removeTestPipeline,
  startJob,
  stubFor,
  titles,
  useClock,
  restoreClock,
  clockNow,
} from '../helpers/durable';
import { connect, connectReady } from '../helpers/websocket';

beforeEach(() => {
  useClock();
  installTestPipeline({ stepSize: 1 });
});
afterEach(() => {
  removeTestPipeline();
  restoreClock();
});

const policyClose = (reason: string) => ({ code: CLOSE_CODES.POLICY_VIOLATION, reason });

describe('subprotocol echo', () => {
  it('echoes bookstrack.v1 when the client offers it', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(1));
    const socket = await connect(jobId, job.token);
    expect(socket.protocol).toBe(SUBPROTOCOL.VERSION);
  });

  it('echoes the auth entry when it is the only protocol offered', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(1));
    const socket = await connect(jobId, job.token, { protocols: [`${SUBPROTOCOL.AUTH_PREFIX}${job.token}`] });
    expect(socket.protocol).toBe(`${SUBPROTOCOL.AUTH_PREFIX}${job.token}`);
  });
});

describe('connect failures complete the handshake, send nothing and close 1008', () => {
  // provokes: 1008 Invalid token
  it('closes with Invalid token for an unknown token', async () => {
    const jobId = newJobId();
    await startJob(jobId, titles(1));
    const socket = await connect(jobId, crypto.randomUUID());
    expect(await socket.waitClosed()).toEqual(policyClose(CLOSE_REASONS.INVALID_TOKEN));
    expect(socket.frames).toEqual([]);
  });

  it('closes with Invalid token when no token is offered', async () => {
    const jobId = newJobId();
    await startJob(jobId, titles(1));
    const socket = await connect(jobId, undefined, { protocols: [SUBPROTOCOL.VERSION] });
    expect(await socket.waitClosed()).toEqual(policyClose(CLOSE_REASONS.INVALID_TOKEN));
  });

  it('ignores a ?token= query while ALLOW_QUERY_TOKEN is off', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(1));
    const socket = await connect(jobId, undefined, { protocols: [], query: `&token=${job.token}` });
    expect(socket.protocol).toBeNull();
    expect(await socket.waitClosed()).toEqual(policyClose(CLOSE_REASONS.INVALID_TOKEN));
  });

  it('closes with Invalid token for a job that does not exist', async () => {
    const socket = await connect(newJobId(), crypto.randomUUID());
    expect(await socket.waitClosed()).toEqual(policyClose(CLOSE_REASONS.INVALID_TOKEN));
  });

  // provokes: 1008 Too many connections
  it('closes the sixth concurrent socket with Too many connections', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(1));
    const sockets = [];
    for (let i = 0; i < LIMITS.WS_MAX_CONNECTIONS_PER_JOB; i += 1) sockets.push(await connectReady(jobId, job.token));
    const sixth = await connect(jobId, job.token);
    expect(await sixth.waitClosed()).toEqual(policyClose(CLOSE_REASONS.TOO_MANY_CONNECTIONS));
    expect(sockets.at(-1)?.frames[0]?.payload).toEqual({ connectionCount: 5 });
  });
});

describe('client frames', () => {
  async function openSocket() {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(3));
    return connect(jobId, job.token);
  }

  // provokes: 1002 Malformed message
  it('closes 1002 Malformed message for text that is not JSON', async () => {
    const socket = await openSocket();
    socket.send('{nope');
    expect(await socket.waitClosed()).toEqual({
      code: CLOSE_CODES.PROTOCOL_ERROR,
      reason: CLOSE_REASONS.MALFORMED_MESSAGE,
    });
  });

  // provokes: 1002 Unknown message type
  it('closes 1002 Unknown message type for a type the contract does not define', async () => {
    const socket = await openSocket();
    socket.send({ type: 'subscribe' });
    expect(await socket.waitClosed()).toEqual({
      code: CLOSE_CODES.PROTOCOL_ERROR,
      reason: CLOSE_REASONS.UNKNOWN_MESSAGE_TYPE,
    });
  });

  // provokes: 1002 Binary frames are not supported
  it('closes 1002 for a binary frame', async () => {
    const socket = await openSocket();
    socket.send(new Uint8Array([1, 2, 3]).buffer);
    expect(await socket.waitClosed()).toEqual({
      code: CLOSE_CODES.PROTOCOL_ERROR,
      reason: CLOSE_REASONS.BINARY_FRAMES_NOT_SUPPORTED,
    });
  });

  // provokes: 1009 Message too big
  it('closes 1009 for a frame over 16 KB', async () => {
    const socket = await openSocket();
    socket.send(JSON.stringify({ type: 'ready', pad: 'x'.repeat(LIMITS.WS_MAX_FRAME_BYTES) }));
    expect(await socket.waitClosed()).toEqual({
      code: CLOSE_CODES.MESSAGE_TOO_BIG,
      reason: CLOSE_REASONS.MESSAGE_TOO_BIG,
    });
  });

  // provokes: 1011 Internal error
  it('closes 1011 Internal error when handling a frame throws', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(1));
    await runInDurableObject(stubFor(jobId), (instance) => {
      const hub = (instance as unknown as { hub: { send: () => void } }).hub;
      hub.send = () => {
        throw new Error('send exploded');
      };
    });
    const socket = await connect(jobId, job.token);
    socket.send({ type: 'ready' });
    expect(await socket.waitClosed()).toEqual({
      code: CLOSE_CODES.INTERNAL_ERROR,
      reason: CLOSE_REASONS.INTERNAL_ERROR,
    });
  });
});

describe('joining a started job', () => {
  it('answers ready with ready_ack and then reconnected carrying the current state', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(4));
    await fireNextAlarm(jobId);
    await fireNextAlarm(jobId);
    const socket = await connect(jobId, job.token);
    socket.send({ type: 'ready' });
    const [ack, reconnected] = await socket.waitFrames(2);
    expect(ack?.type).toBe('ready_ack');
    expect(reconnected?.type).toBe('reconnected');
    expect(reconnected?.payload).toEqual({
      progress: 0.5,
      processedCount: 2,
      totalCount: 4,
      estimatedDurationMs: 1000,
      status: 'running',
      statusText: 'Processed 2 of 4',
      lastSeq: ack?.seq,
      lastUpdate: clockNow(),
    });
    // Both are per-socket replies: they carry the job's last broadcast seq and do not advance it.
    expect(reconnected?.seq).toBe(ack?.seq);
  });

  it('numbers broadcasts without gaps on a socket that was connected while another one joined', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(4));
    const first = await connectReady(jobId, job.token);
    await fireNextAlarm(jobId);
    await first.waitFor('job_progress');
    const second = await connectReady(jobId, job.token);
    const [ack, reconnected] = await second.waitFrames(2);
    for (let step = 0; step < 3; step += 1) await fireNextAlarm(jobId);
    await first.waitFor('job_complete');
    const broadcastSeqs = first.frames.filter((f) => f.type !== 'ready_ack').map((f) => f.seq);
    expect(broadcastSeqs).toEqual(broadcastSeqs.map((_, i) => (broadcastSeqs[0] ?? 0) + i));
    const afterJoin = second.frames.slice(2).map((f) => f.seq);
    expect(afterJoin[0]).toBe((reconnected?.seq ?? -1) + 1);
    expect(ack?.seq).toBe(reconnected?.seq);
  });

  it('sends no reconnected to a socket that joins before the first step', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    const socket = await connectReady(jobId, job.token);
    await fireNextAlarm(jobId);
    await socket.waitFor('job_progress');
    expect(socket.types()).toEqual(['ready_ack', 'job_started', 'job_progress']);
  });
});

describe('the ready handshake starts the job', () => {
  it('keeps a new job queued, its first step due at the start deadline', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    expect(await armedAlarm(jobId)).toBe(T0 + LIMITS.WS_START_DEADLINE_MS);
    const state = plain<JobState>(await stubFor(jobId).getState(job.token));
    expect(state).toMatchObject({ ok: true, value: { status: 'queued', lastSeq: 0, estimatedDurationMs: 1000 } });
  });

  it('gives a prompt client ready_ack, job_started as seq 1 and every progress frame, with no alarm fired first', async () => {
    // Steps 200 ms apart, so no progress frame is coalesced away.
    installTestPipeline({ stepSize: 1, minStepIntervalMs: 200 });
    const jobId = newJobId();
    const job = await startJob(jobId, titles(3));
    setClock(T0 + 19);
    const socket = await connectReady(jobId, job.token);
    const [ack, started] = await socket.waitFrames(2);
    expect(ack).toMatchObject({ type: 'ready_ack', seq: 0 });
    expect(started).toMatchObject({
      type: 'job_started',
      seq: 1,
      timestamp: T0 + 19,
      payload: { totalCount: 3, estimatedDurationMs: 1000 },
    });
    // The first step is due at once, not at the deadline.
    expect(await armedAlarm(jobId)).toBe(T0 + 19);
    while (!socket.types().includes('job_complete')) await fireNextAlarm(jobId);
    expect(socket.types()).toEqual([
      'ready_ack',
      'job_started',
      'job_progress',
      'job_progress',
      'job_progress',
      'job_complete',
    ]);
    expect(socket.frames.map((f) => f.seq)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('does not start for a socket that is open but has not said ready', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(2));
    const socket = await connect(jobId, job.token);
    const state = plain<JobState>(await stubFor(jobId).getState(job.token));
    expect(state).toMatchObject({ ok: true, value: { status: 'queued' } });
    expect(socket.types()).toEqual([]);
    socket.send({ type: 'ready' });
    expect((await socket.waitFrames(2)).map((f) => f?.type)).toEqual(['ready_ack', 'job_started']);
  });

  it('sends job_started once: a second socket saying ready later gets reconnected instead', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(4));
    const first = await connectReady(jobId, job.token);
    await first.waitFrames(2);
    const second = await connectReady(jobId, job.token);
    const [ack, reconnected] = await second.waitFrames(2);
    expect([ack?.type, reconnected?.type]).toEqual(['ready_ack', 'reconnected']);
    expect(reconnected).toMatchObject({ seq: 1, payload: { status: 'running', estimatedDurationMs: 1000 } });
    expect(first.types().filter((t) => t === 'job_started')).toHaveLength(1);
  });

  it('starts a job nobody watches at its start deadline; a socket after that gets reconnected', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(3));
    expect(await fireNextAlarm(jobId)).toBe(T0 + LIMITS.WS_START_DEADLINE_MS);
    const state = plain<JobState>(await stubFor(jobId).getState(job.token));
    expect(state).toMatchObject({
      ok: true,
      value: {
        status: 'running',
        startedAt: new Date(T0 + LIMITS.WS_START_DEADLINE_MS).toISOString(),
        processedCount: 1,
      },
    });
    const socket = await connectReady(jobId, job.token);
    expect((await socket.waitFrames(2)).map((f) => f?.type)).toEqual(['ready_ack', 'reconnected']);
  });
});

describe('reconnect storms', () => {
  const WINDOW_MS = LIMITS.WS_CONNECT_ATTEMPT_WINDOW_SECONDS * 1000;

  // provokes: 1013 Try again later
  it('closes an attempt past 20 in 10 s with 1013 Try again later, refused ones counted, and admits again a window later', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(1));
    const open = await connectReady(jobId, job.token);
    for (let i = 1; i < LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW; i += 1) {
      const refused = await connect(jobId, crypto.randomUUID());
      expect(await refused.waitClosed()).toEqual(policyClose(CLOSE_REASONS.INVALID_TOKEN));
    }
    const stormed = await connect(jobId, job.token);
    expect(await stormed.waitClosed()).toEqual({
      code: CLOSE_CODES.TRY_AGAIN_LATER,
      reason: CLOSE_REASONS.TRY_AGAIN_LATER,
    });
    expect(stormed.frames).toEqual([]);
    setClock(clockNow() + WINDOW_MS - 1);
    expect((await (await connect(jobId, job.token)).waitClosed()).code).toBe(CLOSE_CODES.TRY_AGAIN_LATER);
    setClock(clockNow() + WINDOW_MS);
    const admitted = await connectReady(jobId, job.token);
    // The socket that was open before the storm is still open: the job counts two.
    expect(admitted.frames[0]?.payload).toEqual({ connectionCount: 2 });
    expect(open.frames[0]?.type).toBe('ready_ack');
  });
});

describe("a restart of the job's Durable Object, as a deploy does", () => {
  it('drops its sockets without a close frame: the client reads 1006, not 1001, and a reconnect finds the job', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(3));
    const socket = await connectReady(jobId, job.token);
    await fireNextAlarm(jobId);
    const before = await stubFor(jobId).getState(job.token);
    // abort() resets the object the way a code update does; the runtime reports the reset as the error.
    await runInDurableObject(stubFor(jobId), (_, state) => state.abort('code update')).catch(() => undefined);
    expect((await socket.waitClosed()).code).toBe(CLOSE_CODES.ABNORMAL_CLOSURE);
    const again = await connectReady(jobId, job.token);
    expect(again.frames[0]?.type).toBe('ready_ack');
    expect(await stubFor(jobId).getState(job.token)).toEqual(before);
  });
});
