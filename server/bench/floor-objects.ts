// Bench-only floors: the least a Durable Object must do for each measured path, run in the same
// workerd as the real code so every ratio compares like with like. None of them is deployed.
import { DurableObject } from 'cloudflare:workers';

/** Job-start floor: a brand-new SQLite-backed object that takes one RPC and sets one alarm. */
export class FloorStart extends DurableObject {
  async start(): Promise<{ isArmed: boolean }> {
    // A job's object also arms an alarm at start (its timers); one minute ahead, like a deadline.
    await this.ctx.storage.setAlarm(Date.now() + 60_000);
    return { isArmed: true };
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}

const FLOOR_TABLE = 'CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)';
const FLOOR_WRITE = 'INSERT INTO floor (id, seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq';

/** A JSON frame shaped like job_progress, padded to `bytes` so it costs the same to send. */
export function paddedFrame(seq: number, bytes: number): string {
  const bare = JSON.stringify({ type: 'job_progress', seq, timestamp: Date.now(), pad: '' });
  return JSON.stringify({
    type: 'job_progress',
    seq,
    timestamp: Date.now(),
    pad: 'x'.repeat(Math.max(0, bytes - bare.length)),
  });
}

/**
 * Progress-delivery floor: each client marker `probe:<bytes>` costs one SQLite write, then one frame
 * of that size. The write is confirmed before the frame leaves (workerd's output gate holds every
 * outgoing message until the writes before it are durable), as a job's progress frame must be.
 */
export class FloorSocket extends DurableObject {
  private seq = 0;

  override async fetch(): Promise<Response> {
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    this.ctx.storage.sql.exec(FLOOR_TABLE);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const bytes = typeof message === 'string' && message.startsWith('probe:') ? Number(message.slice(6)) : 0;
    this.seq += 1;
    this.ctx.storage.sql.exec(FLOOR_WRITE, this.seq);
    ws.send(paddedFrame(this.seq, bytes));
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    ws.close(code === 1005 ? 1000 : code, 'bye');
  }
}

/** Steps at the same pace as the load test's jobs (10 per second). */
const BROADCAST_INTERVAL_MS = 100;

/**
 * Fan-out floor: the same frames to the same sockets as a load-test job, and nothing else: on its
 * alarm, one write (the seq, so a restart could not repeat one), one frame to every socket, re-arm.
 * The first `go:<steps>:<bytes>` starts it; after `steps` frames it closes every socket with 1000.
 */
export class FloorBroadcast extends DurableObject {
  /** Memory only: a broadcasting object is busy every 100 ms, so it is never evicted mid-run. */
  private plan: { steps: number; bytes: number } | undefined;
  private seq = 0;

  override async fetch(): Promise<Response> {
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketMessage(_ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (this.plan !== undefined || typeof message !== 'string' || !message.startsWith('go:')) return;
    const [steps = 0, bytes = 0] = message.slice(3).split(':').map(Number);
    this.plan = { steps, bytes };
    this.ctx.storage.sql.exec(FLOOR_TABLE);
    await this.ctx.storage.setAlarm(Date.now() + BROADCAST_INTERVAL_MS);
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    const plan = this.plan ?? { steps: 0, bytes: 0 };
    this.seq += 1;
    this.ctx.storage.sql.exec(FLOOR_WRITE, this.seq);
    const frame = paddedFrame(this.seq, plan.bytes);
    for (const ws of this.ctx.getWebSockets()) ws.send(frame);
    if (this.seq < plan.steps) await this.ctx.storage.setAlarm(now + BROADCAST_INTERVAL_MS);
    else for (const ws of this.ctx.getWebSockets()) ws.close(1000, 'done');
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    ws.close(code === 1005 ? 1000 : code, 'bye');
  }
}
