// `npm run load -w server`: J concurrent jobs × S sockets each, progress at the full contract rate
// (10 per second per job) for T seconds, against its own `wrangler dev` on 127.0.0.1. Reports
// messages/s delivered, delivery latency p50/p99 (receipt time − the frame's `timestamp`), and seq
// gaps per socket (target 0). Bounded: a hard deadline ends every socket and the server.
// Flags: --jobs 200 --sockets 5 --seconds 60.
import { LIMITS, SUBPROTOCOL } from '@bookstrack/generated/constants';
import { ServerMessageSchema } from '@bookstrack/generated/schemas';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { startDevServer } from '../test/helpers/wrangler-dev';
import { ensureOwnServer } from '../test/fuzz/fuzz-server';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? Number.NaN : Number(process.argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const JOBS = flag('jobs', 200);
const SOCKETS = Math.min(flag('sockets', 5), LIMITS.WS_MAX_CONNECTIONS_PER_JOB);
const SECONDS = flag('seconds', 60);
const STEPS = SECONDS * LIMITS.WS_MAX_PROGRESS_PER_SECOND;
// Every 50th frame is also parsed with the generated validator (all of them would load the client more than the server).
const VALIDATE_EVERY = 50;
const SERVER_DIR = resolve(import.meta.dirname, '..');

interface SocketStats {
  frames: number;
  gaps: number;
  invalid: number;
  closeCode: number | undefined;
  lastSeq: number | undefined;
}

const latencies: number[] = [];
let firstFrameAt = Number.POSITIVE_INFINITY;
let lastFrameAt = 0;
let firstAbnormalCloseAt: number | undefined;

function follow(
  wsOrigin: string,
  jobId: string,
  token: string,
): { stats: SocketStats; socket: WebSocket; done: Promise<void> } {
  const stats: SocketStats = { frames: 0, gaps: 0, invalid: 0, closeCode: undefined, lastSeq: undefined };
  const socket = new WebSocket(
    `${wsOrigin}/ws/progress?jobId=${jobId}`,
    [SUBPROTOCOL.VERSION, `${SUBPROTOCOL.AUTH_PREFIX}${token}`],
    { perMessageDeflate: false },
  );
  socket.on('open', () => socket.send('{"type":"ready"}'));
  socket.on('error', () => undefined);
  socket.on('message', (data) => {
    const receivedAt = Date.now();
    const frame = JSON.parse(data.toString()) as { type: string; seq: number; timestamp: number };
    stats.frames += 1;
    if (stats.frames % VALIDATE_EVERY === 0 && !ServerMessageSchema.safeParse(frame).success) stats.invalid += 1;
    const isReply = frame.type === 'ready_ack' || frame.type === 'reconnected';
    if (!isReply && stats.lastSeq !== undefined && frame.seq !== stats.lastSeq + 1) stats.gaps += 1;
    if (!isReply || stats.lastSeq === undefined) stats.lastSeq = frame.seq;
    if (frame.type === 'job_progress') {
      latencies.push(receivedAt - frame.timestamp);
      firstFrameAt = Math.min(firstFrameAt, receivedAt);
      lastFrameAt = Math.max(lastFrameAt, receivedAt);
    }
  });
  const done = new Promise<void>((resolve) =>
    socket.on('close', (code) => {
      stats.closeCode = code;
      if (code !== 1000 && firstAbnormalCloseAt === undefined) firstAbnormalCloseAt = Date.now();
      resolve();
    }),
  );
  return { stats, socket, done };
}

async function startJob(origin: string): Promise<{ jobId: string; token: string }> {
  // wrangler dev answers 503 while it reloads the Worker (a source file changed): retry a few times.
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${origin}/api/csv/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: `title\n${STEPS}\n`,
    });
    const text = await response.text();
    if (response.status === 202) return (JSON.parse(text) as { data: { jobId: string; token: string } }).data;
    if (response.status !== 503 || attempt >= 3)
      throw new Error(`job start failed: ${response.status} ${text.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
}

async function main(): Promise<number> {
  console.log(
    `load: ${JOBS} jobs × ${SOCKETS} sockets, ${STEPS} progress steps per job (${SECONDS} s at ${LIMITS.WS_MAX_PROGRESS_PER_SECOND}/s)`,
  );
  // wrangler dev reloads (dropping every socket) when a source file changes; a snapshot of src/ and
  // load/ (and bench/, for the floor object) keeps edits made elsewhere during the run out of the measurement.
  const snapshot = join(SERVER_DIR, '.wrangler', `load-snapshot-${process.pid}`);
  for (const dir of ['src', 'load', 'bench']) cpSync(join(SERVER_DIR, dir), join(snapshot, dir), { recursive: true });
  const server = await startDevServer({
    config: join(snapshot, 'load', 'wrangler.load.jsonc'),
    startTimeoutMs: 90_000,
  });
  await ensureOwnServer(server).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const followers: ReturnType<typeof follow>[] = [];
  let runStartedAt = Date.now();
  const hardDeadline = setTimeout(() => followers.forEach((f) => f.socket.terminate()), (SECONDS * 3 + 120) * 1000);
  try {
    const startedAt = Date.now();
    // Jobs start in waves of 20 so job starts do not queue behind 200 simultaneous uploads.
    for (let wave = 0; wave < JOBS; wave += 20) {
      const jobs = await Promise.all(Array.from({ length: Math.min(20, JOBS - wave) }, () => startJob(server.origin)));
      for (const job of jobs)
        for (let s = 0; s < SOCKETS; s += 1) followers.push(follow(server.wsOrigin, job.jobId, job.token));
    }
    runStartedAt = Date.now();
    console.log(
      `started ${JOBS} jobs and opened ${followers.length} sockets in ${((Date.now() - startedAt) / 1000).toFixed(
        1,
      )} s`,
    );
    await Promise.all(followers.map((f) => f.done));
  } finally {
    clearTimeout(hardDeadline);
    const logFile = join(tmpdir(), `bookstrack-load-${Date.now()}.log`);
    writeFileSync(logFile, server.output());
    console.log(`wrangler output: ${logFile}`);
    await server.stop();
    rmSync(snapshot, { recursive: true, force: true });
  }
  const stats = followers.map((f) => f.stats);
  const frames = stats.reduce((sum, s) => sum + s.frames, 0);
  const sorted = [...latencies].sort((a, b) => a - b);
  const windowSeconds = Math.max(0.001, (lastFrameAt - firstFrameAt) / 1000);
  const closes: Record<string, number> = {};
  for (const s of stats) closes[String(s.closeCode)] = (closes[String(s.closeCode)] ?? 0) + 1;
  const gaps = stats.reduce((sum, s) => sum + s.gaps, 0);
  const invalid = stats.reduce((sum, s) => sum + s.invalid, 0);
  console.log(`frames received: ${frames} (${latencies.length} job_progress) over ${windowSeconds.toFixed(1)} s`);
  console.log(
    `delivered messages/s: ${(latencies.length / windowSeconds).toFixed(0)} job_progress, ${(
      frames / windowSeconds
    ).toFixed(0)} all frames`,
  );
  console.log(`expected at full rate: ${JOBS * SOCKETS * LIMITS.WS_MAX_PROGRESS_PER_SECOND} job_progress/s`);
  console.log(
    `delivery latency ms: p50 ${percentile(sorted, 50)}, p99 ${percentile(sorted, 99)}, max ${sorted.at(-1)}`,
  );
  if (firstAbnormalCloseAt !== undefined)
    console.log(
      `first abnormal close ${((firstAbnormalCloseAt - runStartedAt) / 1000).toFixed(
        1,
      )} s after the last socket opened`,
    );
  console.log(
    `seq gaps: ${gaps}; frames failing the schema (sampled 1/${VALIDATE_EVERY}): ${invalid}; close codes: ${JSON.stringify(
      closes,
    )}`,
  );
  return gaps === 0 && invalid === 0 && closes['1000'] === followers.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
