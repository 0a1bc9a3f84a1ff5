// The WebSocket fuzzer. Each "arena" is a running CSV job with three healthy sockets (an observer,
// a socket that joins mid-job, a socket that never sends `ready`); fuzz sockets of the same job then
// send what ws-cases.ts draws. Every fuzz socket must be answered as x-close-codes says, and the
// healthy sockets must see every broadcast of the job (contiguous seq) up to job_complete and 1000.
// An arena takes fewer connection attempts than the reconnect-storm limit (x-limits), then the next
// job takes over: the fuzzer tests each case, not the storm rule (1013 has its own tests).
import { CLOSE_CODES, CLOSE_REASONS, LIMITS } from '@bookstrack/generated/constants';
import fc from 'fast-check';
import { authProtocols, openSocket, seqGaps, type RecordingSocket, type SocketRecord } from './ws-client';
import { wsActions, type ExpectedClose, type WsAction } from './ws-cases';

export interface WsFuzzOptions {
  origin: string;
  wsOrigin: string;
  seed: number;
  /** Fuzz sockets to open (spread over as many jobs as it takes). */
  cases?: number;
  /** Rows of each arena's CSV job (500 per step): long enough to outlast its fuzz sockets. */
  rows?: number;
}

export interface WsFailure {
  name: string;
  detail: string;
}

export interface WsFuzzReport {
  seed: number;
  cases: number;
  arenas: number;
  byName: Record<string, number>;
  healthyFrames: number;
  healthyGaps: number;
  /** Fuzz sockets whose TCP connection outlived the server's close frame by ≥ 1 s (a runtime quirk, not a contract breach). */
  slowTeardowns: number;
  failures: WsFailure[];
  durationMs: number;
}

interface Job {
  jobId: string;
  token: string;
}

const FUZZ_SLOTS = 2;
const CASE_TIMEOUT_MS = 8_000;
/** The arena's three healthy sockets, its fuzz sockets and the late connect after the last job. */
const ARENA_ATTEMPTS = LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW - 1;
const HEALTHY_SOCKETS = 3;
const JOB_COMPLETE: ExpectedClose = { code: CLOSE_CODES.NORMAL_CLOSURE, reasons: [CLOSE_REASONS.JOB_COMPLETE] };

async function startCsvJob(origin: string, rows: number): Promise<Job> {
  const csv = `title,author\n${Array.from({ length: rows }, (_, i) => `Book ${i},Author ${i % 97}`).join('\n')}\n`;
  const response = await fetch(`${origin}/api/csv/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv,
  });
  const text = await response.text();
  if (response.status !== 202) throw new Error(`cannot start the arena job: ${response.status} ${text}`);
  return (JSON.parse(text) as { data: Job }).data;
}

function closeMatches(record: SocketRecord, expect: ExpectedClose): boolean {
  return record.code === expect.code && expect.reasons.includes(record.reason);
}

function describeClose(record: SocketRecord): string {
  return `closed ${record.code ?? 'never'} "${record.reason}"${record.timedOut ? ' (timed out)' : ''}, ${
    record.frames.length
  } frames, ${record.badFrames.length} bad`;
}

class Arena {
  readonly failures: WsFailure[] = [];
  private attempts = HEALTHY_SOCKETS;
  private constructor(
    readonly job: Job,
    readonly observer: RecordingSocket,
    readonly silent: RecordingSocket,
    readonly joiner: RecordingSocket,
  ) {}

  static async open(options: Required<WsFuzzOptions>): Promise<Arena> {
    const job = await startCsvJob(options.origin, options.rows);
    const open = (timeoutMs: number) => openSocket(options.wsOrigin, job.jobId, authProtocols(job.token), timeoutMs);
    const observer = open(120_000);
    observer.opened.then(() => observer.send('{"type":"ready"}'));
    const silent = open(120_000);
    await observer.waitFor((frames) => frames.some((f) => f.type === 'job_progress'));
    const joiner = open(120_000);
    joiner.opened.then(() => joiner.send('{"type":"ready"}'));
    await joiner.waitFor((frames) => frames.some((f) => f.type === 'ready_ack'));
    return new Arena(job, observer, silent, joiner);
  }

  /** One more fuzz socket for this job, while that stays under the storm limit. */
  claimAttempt(): boolean {
    if (this.attempts >= ARENA_ATTEMPTS) return false;
    this.attempts += 1;
    return true;
  }

  get isRunning(): boolean {
    return (
      this.observer.record.code === undefined && !this.observer.record.frames.some((f) => f.type === 'job_complete')
    );
  }

  /** The healthy sockets saw the whole job; the silent one nothing but the final close. */
  async verify(origin: string): Promise<{ frames: number; gaps: number }> {
    const [observer, joiner, silent] = await Promise.all([
      this.observer.closed,
      this.joiner.closed,
      this.silent.closed,
    ]);
    let gaps = 0;
    for (const [name, record] of [
      ['observer', observer],
      ['joiner', joiner],
    ] as const) {
      const types = record.frames.map((f) => f.type);
      gaps += seqGaps(record.frames);
      if (
        !closeMatches(record, JOB_COMPLETE) ||
        types[0] !== 'ready_ack' ||
        types.at(-1) !== 'job_complete' ||
        record.badFrames.length > 0
      ) {
        this.failures.push({
          name: `healthy:${name}`,
          detail: `${describeClose(record)}; types ${types.slice(0, 5).join(',')}…${types.at(-1)}`,
        });
      }
    }
    if (joiner.frames[1]?.type !== 'reconnected')
      this.failures.push({ name: 'healthy:joiner', detail: 'no reconnected after ready_ack' });
    if (gaps > 0) this.failures.push({ name: 'healthy:seq', detail: `${gaps} seq gaps on the healthy sockets` });
    // Never `ready`: no live broadcasts; the final job_complete (sent to every socket) is allowed.
    const silentTypes = silent.frames.map((f) => f.type).join(',');
    if (!['', 'job_complete'].includes(silentTypes) || !closeMatches(silent, JOB_COMPLETE)) {
      this.failures.push({ name: 'healthy:silent', detail: `${describeClose(silent)}: ${silentTypes}` });
    }
    const state = await fetch(`${origin}/api/job-state/${this.job.jobId}`, {
      headers: { Authorization: `Bearer ${this.job.token}` },
    });
    const body = (await state.json()) as { data?: { status?: string } };
    if (body.data?.status !== 'completed')
      this.failures.push({ name: 'healthy:state', detail: `job ended ${body.data?.status}` });
    return { frames: observer.frames.length + joiner.frames.length, gaps };
  }
}

async function act(socket: RecordingSocket, action: WsAction): Promise<void> {
  if (!(await socket.opened)) return;
  const isBeforeReady =
    'isBeforeReady' in action ? action.isBeforeReady : action.kind === 'vanish' ? !action.isAfterReady : false;
  if (!isBeforeReady && action.kind !== 'auth') {
    socket.send('{"type":"ready"}');
    await socket.waitFor((frames) => frames.some((f) => f.type === 'ready_ack'));
  }
  if (action.kind === 'text') socket.send(action.data);
  if (action.kind === 'binary') socket.send(Buffer.alloc(action.bytes, 7), true);
  if (action.kind === 'garbage-flood') for (let i = 0; i < action.count; i += 1) socket.send(`{not json ${i}`);
  if (action.kind === 'vanish') socket.socket.terminate();
  if (action.kind === 'ready-flood') {
    for (let i = 0; i < action.count; i += 1) socket.send('{"type":"ready"}');
    const isAnswered = await socket.waitFor(
      (frames) => frames.filter((f) => f.type === 'ready_ack').length >= action.count + 1,
    );
    if (isAnswered) socket.close();
  }
}

/** What went wrong with one fuzz socket, or undefined when it was answered per contract. */
function judge(action: WsAction, record: SocketRecord, arena: Arena): string | undefined {
  if (record.badFrames.length > 0) return `frames outside the contract: ${record.badFrames[0]}`;
  if (record.frames.some((f) => f.jobId !== arena.job.jobId)) return 'a frame of another job';
  if (action.kind === 'vanish') return undefined;
  // A case still in flight when the job completed is closed 1000 Job complete, as every socket of the job.
  if (!arena.isRunning && closeMatches(record, JOB_COMPLETE)) return undefined;
  if (action.kind === 'ready-flood') {
    const acks = record.frames.filter((f) => f.type === 'ready_ack').length;
    return acks === action.count + 1 && record.code === 1000 && record.reason === 'client done'
      ? undefined
      : `${acks} ready_acks for ${action.count + 1} ready; ${describeClose(record)}`;
  }
  if (!record.isOpened) return 'the handshake did not complete';
  if (action.kind === 'auth' && record.frames.length > 0) return `sent ${record.frames.length} frames before the 1008`;
  return closeMatches(record, action.expect)
    ? undefined
    : `expected ${action.expect.code} "${action.expect.reasons.join('|')}", ${describeClose(record)}`;
}

/** A socket that connects after completion gets the stored job_complete and close 1000. */
async function lateConnect(wsOrigin: string, job: Job): Promise<WsFailure[]> {
  const record = await openSocket(wsOrigin, job.jobId, authProtocols(job.token), CASE_TIMEOUT_MS).closed;
  const types = record.frames.map((f) => f.type);
  // The AsyncAPI text puts a ready_ack first; the server sends the stored frame at once. Both end the same way.
  return ['job_complete', 'ready_ack,job_complete'].includes(types.join(',')) && closeMatches(record, JOB_COMPLETE)
    ? []
    : [{ name: 'late-connect', detail: `${types.join(',')}; ${describeClose(record)}` }];
}

/** Five sockets fill the job, a sixth is refused 1008, then a `cancel` closes all five 1001 with no gap. */
async function crowdThenCancel(options: Required<WsFuzzOptions>): Promise<WsFailure[]> {
  const job = await startCsvJob(options.origin, options.rows);
  const sockets = Array.from({ length: 5 }, () =>
    openSocket(options.wsOrigin, job.jobId, authProtocols(job.token), 60_000),
  );
  for (const socket of sockets) {
    await socket.opened;
    socket.send('{"type":"ready"}');
    await socket.waitFor((frames) => frames.some((f) => f.type === 'ready_ack'));
  }
  const failures: WsFailure[] = [];
  const sixth = await openSocket(options.wsOrigin, job.jobId, authProtocols(job.token), CASE_TIMEOUT_MS).closed;
  if (
    !closeMatches(sixth, { code: CLOSE_CODES.POLICY_VIOLATION, reasons: [CLOSE_REASONS.TOO_MANY_CONNECTIONS] }) ||
    sixth.frames.length > 0
  ) {
    failures.push({ name: 'crowd:sixth', detail: describeClose(sixth) });
  }
  sockets[0]?.send('{"type":"cancel"}');
  const canceled: ExpectedClose = { code: CLOSE_CODES.GOING_AWAY, reasons: [CLOSE_REASONS.JOB_CANCELED] };
  for (const record of await Promise.all(sockets.map((s) => s.closed))) {
    if (!closeMatches(record, canceled) || seqGaps(record.frames) > 0 || record.badFrames.length > 0)
      failures.push({ name: 'crowd:cancel', detail: describeClose(record) });
  }
  const state = await fetch(`${options.origin}/api/job-state/${job.jobId}`, {
    headers: { Authorization: `Bearer ${job.token}` },
  });
  const status = ((await state.json()) as { data?: { status?: string } }).data?.status;
  if (status !== 'canceled') failures.push({ name: 'crowd:state', detail: `job is ${status} after cancel` });
  return failures;
}

export async function runWsFuzz(input: WsFuzzOptions): Promise<WsFuzzReport> {
  const options: Required<WsFuzzOptions> = { cases: 150, rows: 10_000, ...input };
  const actions = fc.sample(wsActions, { numRuns: options.cases, seed: options.seed });
  const report: WsFuzzReport = {
    seed: options.seed,
    cases: 0,
    arenas: 0,
    byName: {},
    healthyFrames: 0,
    healthyGaps: 0,
    slowTeardowns: 0,
    failures: [],
    durationMs: 0,
  };
  const startedAt = performance.now();
  const foreign = await startCsvJob(options.origin, 1);
  let next = 0;
  let lastJob: Job | undefined;
  while (next < actions.length) {
    const arena = await Arena.open(options);
    report.arenas += 1;
    const slot = async () => {
      while (next < actions.length && arena.isRunning && arena.claimAttempt()) {
        const action = actions[next++] as WsAction;
        const tokens = { own: arena.job.token, foreign: foreign.token };
        const protocols = action.kind === 'auth' ? action.protocols(tokens) : authProtocols(arena.job.token);
        const query = action.kind === 'auth' ? action.query(tokens) : '';
        const socket = openSocket(options.wsOrigin, arena.job.jobId, protocols, CASE_TIMEOUT_MS, query);
        await act(socket, action);
        const record = await socket.closed;
        report.cases += 1;
        if ((record.teardownMs ?? 0) >= 1_000) report.slowTeardowns += 1;
        report.byName[action.name] = (report.byName[action.name] ?? 0) + 1;
        const problem = judge(action, record, arena);
        if (problem !== undefined)
          arena.failures.push({ name: action.name, detail: `${problem} (${JSON.stringify(action).slice(0, 160)})` });
      }
    };
    await Promise.all(Array.from({ length: FUZZ_SLOTS }, slot));
    const health = await arena.verify(options.origin);
    report.healthyFrames += health.frames;
    report.healthyGaps += health.gaps;
    report.failures.push(...arena.failures);
    lastJob = arena.job;
  }
  if (lastJob) report.failures.push(...(await lateConnect(options.wsOrigin, lastJob)));
  report.failures.push(...(await crowdThenCancel(options)));
  report.cases += 2;
  report.durationMs = Math.round(performance.now() - startedAt);
  return report;
}

export function summarizeWs(report: WsFuzzReport): string {
  return [
    `WebSocket fuzz: ${report.cases} cases over ${report.arenas} jobs in ${(report.durationMs / 1000).toFixed(
      1,
    )} s (seed ${report.seed})`,
    `healthy sockets: ${report.healthyFrames} frames, ${report.healthyGaps} seq gaps; failures: ${report.failures.length}; slow TCP teardowns after the close frame: ${report.slowTeardowns}`,
    `by case: ${JSON.stringify(report.byName)}`,
  ].join('\n');
}
