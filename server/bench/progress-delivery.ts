// Progress delivery vs its floor, timed on the client with performance.now().
//
// Why a client marker: workerd freezes Date.now() while code runs, so a frame's own `timestamp` is
// the start of the event that built it, and the server cannot stamp the moment a frame is built or
// leaves. Instead the client sends a marker and times, on its own clock, until the frame that marker
// caused arrives. For the job the marker is `bench:step` (bench-frames.ts, counted-objects.ts): the
// real job_step timer body runs in that socket event instead of an alarm (the object's own
// alarm-driven steps are switched off by `bench:drive`), so each sample is one real step of 500 CSV rows - its storage
// writes, the output gate that holds the frame until they are durable, the frame - plus the
// socket hop both ways. The rows are title-only, so the rows' own work is near nothing and what is
// timed is the bookkeeping around the frame. The floor (FloorSocket) takes the same marker hop,
// does one confirmed SQLite write and sends a frame of the same size as the job's job_progress.
// Jobs run one after another and each marker waits for the previous answer (+10 ms), so a sample
// never queues behind another job's step in the one isolate: this is delivery, not load. The driven
// step's `now` keeps the coalescer's 100 ms spacing (counted-objects.ts), so every marker is answered.
import { MESSAGE_TYPE } from '@bookstrack/generated/constants';
import type WebSocket from 'ws';
import { BENCH_FRAME } from './bench-frames';
import { openJobSocket, openSocket, sleep, startJob, type Frame } from './job-client';

const JOBS = 5;
const FRAMES_PER_JOB = 100;
const MARKER_GAP_MS = 10;
const ROWS_PER_STEP = 500;
const ANSWER_TIMEOUT_MS = 2_000;

export interface DeliveryResult {
  jobMs: number[];
  floorMs: number[];
  frameBytes: number;
}

/** Sends `marker`, resolves with the ms until the next frame accepted by `isAnswer`, and its size. */
function roundTrip(socket: WebSocket, marker: string, isAnswer: (frame: Frame) => boolean): Promise<[number, number]> {
  return new Promise((resolve) => {
    const started = performance.now();
    // A step whose frame the coalescer held back answers nothing: that sample is dropped (NaN).
    const timer = setTimeout(() => finish([Number.NaN, 0]), ANSWER_TIMEOUT_MS);
    const finish = (result: [number, number]) => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(result);
    };
    const onMessage = (raw: WebSocket.RawData) => {
      const text = raw.toString();
      if (isAnswer(JSON.parse(text) as Frame)) finish([performance.now() - started, text.length]);
    };
    socket.on('message', onMessage);
    socket.send(marker);
  });
}

async function paced(count: number, sample: () => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    samples.push(await sample());
    await sleep(MARKER_GAP_MS);
  }
  return samples;
}

async function driveJob(origin: string, wsOrigin: string, sizes: number[]): Promise<number[]> {
  const rows = Array.from({ length: ROWS_PER_STEP * FRAMES_PER_JOB }, (_, i) => `Book ${i}`);
  const job = await startJob(`${origin}/api/csv/import`, `title\n${rows.join('\n')}\n`, 'text/csv');
  const socket = await openJobSocket(wsOrigin, job);
  socket.send(BENCH_FRAME.DRIVE);
  await roundTrip(socket, JSON.stringify({ type: MESSAGE_TYPE.READY }), (f) => f.type === MESSAGE_TYPE.JOB_STARTED);
  await sleep(MARKER_GAP_MS);
  const samples = await paced(FRAMES_PER_JOB, async () => {
    const [ms, bytes] = await roundTrip(socket, BENCH_FRAME.STEP, (f) => f.type === MESSAGE_TYPE.JOB_PROGRESS);
    if (bytes > 0) sizes.push(bytes);
    return ms;
  });
  socket.terminate();
  return samples;
}

async function driveFloor(wsOrigin: string, name: string, bytes: number): Promise<number[]> {
  const socket = await openSocket(`${wsOrigin}/bench/floor-socket?name=${name}`);
  const samples = await paced(FRAMES_PER_JOB, async () => (await roundTrip(socket, `probe:${bytes}`, () => true))[0]);
  socket.close(1000);
  return samples;
}

export async function measureDelivery(origin: string, wsOrigin: string): Promise<DeliveryResult> {
  const sizes: number[] = [];
  const jobMs: number[] = [];
  for (let i = 0; i < JOBS; i++) jobMs.push(...(await driveJob(origin, wsOrigin, sizes)));
  const frameBytes = Math.round(sizes.reduce((sum, n) => sum + n, 0) / Math.max(1, sizes.length));
  const run = `${Date.now()}`;
  const floorMs: number[] = [];
  for (let i = 0; i < JOBS; i++) floorMs.push(...(await driveFloor(wsOrigin, `floor-${run}-${i}`, frameBytes)));
  return { jobMs: jobMs.filter(Number.isFinite), floorMs: floorMs.filter(Number.isFinite), frameBytes };
}
