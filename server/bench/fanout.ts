// Fan-out under load vs a bare broadcast, on the load test's own wrangler dev (load/): JOBS jobs x
// SOCKETS sockets each, every job stepping at the contract's full progress rate (10/s, a paced
// synthetic pipeline), against FloorBroadcast: JOBS objects sending the same number of frames of the
// same size to the same number of sockets at the same pace, with one write per frame. Both phases
// count job_progress frames delivered per second over the window they arrived in, the lateness of
// each frame (receipt - its timestamp, which both stamp at the start of the alarm that sent it) and
// seq gaps per socket.
import { MESSAGE_TYPE } from '@bookstrack/generated/constants';
import type WebSocket from 'ws';
import { startDevServer } from '../test/helpers/wrangler-dev';
import { openJobSocket, openSocket, startJob, type Frame, type StartedJob } from './job-client';
import { percentile } from './stats';

/** BENCH_FANOUT_JOBS shrinks the run (e.g. to try the bench); the goal is stated for 200. */
const JOBS = Number(process.env['BENCH_FANOUT_JOBS'] ?? 200);
const SOCKETS = 5;
/** 3 s of progress at 10/s: 30,000 frames per phase at 200 x 5, enough to saturate 2 cores. */
const STEPS = 30;
const PHASE_DEADLINE_MS = 60_000;

export interface FanoutPhase {
  frames: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  gaps: number;
  sockets: number;
  cleanCloses: number;
  frameBytes: number;
}

export interface FanoutResult {
  jobs: FanoutPhase;
  floor: FanoutPhase;
  shape: string;
}

class PhaseStats {
  frames = 0;
  gaps = 0;
  cleanCloses = 0;
  bytes = 0;
  first = Number.POSITIVE_INFINITY;
  last = 0;
  lateness: number[] = [];

  /** Follows one socket: seq gaps between consecutive sequenced frames, progress arrival times. */
  follow(socket: WebSocket, isDone: (frame: Frame) => boolean): Promise<void> {
    let lastSeq: number | undefined;
    socket.on('message', (raw) => {
      const receivedAt = Date.now();
      const text = raw.toString();
      const frame = JSON.parse(text) as Frame;
      const isReply = frame.type === MESSAGE_TYPE.READY_ACK || frame.type === MESSAGE_TYPE.RECONNECTED;
      if (!isReply && lastSeq !== undefined && frame.seq !== lastSeq + 1) this.gaps += 1;
      if (!isReply) lastSeq = frame.seq;
      if (frame.type === MESSAGE_TYPE.JOB_PROGRESS) {
        this.frames += 1;
        this.bytes = text.length;
        this.lateness.push(receivedAt - frame.timestamp);
        this.first = Math.min(this.first, receivedAt);
        this.last = Math.max(this.last, receivedAt);
      }
      if (isDone(frame)) socket.close(1000);
    });
    return new Promise((resolve) => {
      const deadline = setTimeout(() => socket.terminate(), PHASE_DEADLINE_MS);
      socket.on('close', (code) => {
        clearTimeout(deadline);
        if (code === 1000) this.cleanCloses += 1;
        resolve();
      });
    });
  }

  summary(sockets: number): FanoutPhase {
    const seconds = Math.max(0.001, (this.last - this.first) / 1000);
    return {
      frames: this.frames,
      perSecond: this.frames / seconds,
      p50Ms: percentile(this.lateness, 50),
      p99Ms: percentile(this.lateness, 99),
      gaps: this.gaps,
      sockets,
      cleanCloses: this.cleanCloses,
      frameBytes: this.bytes,
    };
  }
}

async function jobsPhase(origin: string, wsOrigin: string): Promise<FanoutPhase> {
  const stats = new PhaseStats();
  const done: Promise<void>[] = [];
  const started: StartedJob[] = [];
  // Waves of 20, as load/run.ts does, so starts do not queue behind 200 simultaneous uploads.
  for (let wave = 0; wave < JOBS; wave += 20) {
    const jobs = await Promise.all(
      Array.from({ length: Math.min(20, JOBS - wave) }, () =>
        startJob(`${origin}/api/csv/import`, `title\n${STEPS}\n`, 'text/csv'),
      ),
    );
    started.push(...jobs);
    const sockets = await Promise.all(
      jobs.flatMap((job) => Array.from({ length: SOCKETS }, () => openJobSocket(wsOrigin, job))),
    );
    for (const socket of sockets) {
      done.push(stats.follow(socket, (f) => f.type === MESSAGE_TYPE.JOB_COMPLETE));
      socket.send(JSON.stringify({ type: MESSAGE_TYPE.READY }));
    }
  }
  await Promise.all(done);
  // Jobs the deadline cut off would go on stepping: cancel them so the floor phase runs alone.
  await Promise.all(
    started.map((job) =>
      fetch(`${origin}/api/jobs/${job.jobId}/cancel`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${job.token}` },
      }).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      ),
    ),
  );
  return stats.summary(JOBS * SOCKETS);
}

async function floorPhase(wsOrigin: string, frameBytes: number): Promise<FanoutPhase> {
  const stats = new PhaseStats();
  const done: Promise<void>[] = [];
  const run = Date.now();
  // The same waves of 20 rooms x SOCKETS sockets as the jobs phase.
  for (let wave = 0; wave < JOBS; wave += 20) {
    const rooms = Array.from({ length: Math.min(20, JOBS - wave) }, (_, i) => `${run}-${wave + i}`);
    const sockets = await Promise.all(
      rooms.flatMap((room) =>
        Array.from({ length: SOCKETS }, () => openSocket(`${wsOrigin}/bench/floor-fanout?room=${room}`)),
      ),
    );
    for (const socket of sockets) {
      done.push(stats.follow(socket, () => false));
      socket.send(`go:${STEPS}:${frameBytes}`);
    }
  }
  await Promise.all(done);
  return stats.summary(JOBS * SOCKETS);
}

export async function measureFanout(): Promise<FanoutResult> {
  const server = await startDevServer({
    config: 'load/wrangler.load.jsonc',
    vars: { JOB_STEP_DELAY_MS: '100', RATE_LIMIT_PER_MINUTE: '1000000' },
    startTimeoutMs: 90_000,
  });
  try {
    const jobs = await jobsPhase(server.origin, server.wsOrigin);
    const floor = await floorPhase(server.wsOrigin, jobs.frameBytes);
    return { jobs, floor, shape: `${JOBS} x ${SOCKETS} sockets, ${STEPS} steps at 10/s` };
  } finally {
    await server.stop();
  }
}
