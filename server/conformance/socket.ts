// One WebSocket to /ws/progress as a client opens it (subprotocols bookstrack.v1 and
// bookstrack-auth.<token>, then `ready`): every frame is parsed with the generated strict
// ServerMessage validator, and the close code and reason are recorded.
import { MESSAGE_TYPE, SUBPROTOCOL } from '@bookstrack/generated/constants';
import { ServerMessageSchema, type ServerMessage } from '@bookstrack/generated/schemas';
import WebSocket from 'ws';

export interface SocketRun {
  /** The subprotocol the server echoed in its 101. */
  protocol: string;
  frames: ServerMessage[];
  /** Frames that failed the validator, with the first issue. */
  invalid: string[];
  close: { code: number; reason: string };
}

export interface SocketOptions {
  /** Send `ready` once open (default true). */
  ready?: boolean;
  /** Give up (close 4000 locally) after this long; default 30 s. */
  timeoutMs?: number;
}

export function wsUrl(baseUrl: string, jobId: string): string {
  const url = new URL('/ws/progress', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('jobId', jobId);
  return url.href;
}

export function runSocket(
  baseUrl: string,
  jobId: string,
  token: string,
  options: SocketOptions = {},
): Promise<SocketRun> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(baseUrl, jobId), [SUBPROTOCOL.VERSION, `${SUBPROTOCOL.AUTH_PREFIX}${token}`]);
    const run: SocketRun = { protocol: '', frames: [], invalid: [], close: { code: 0, reason: '' } };
    const timer = setTimeout(() => ws.close(4000, 'conformance timeout'), options.timeoutMs ?? 30_000);
    ws.on('open', () => {
      run.protocol = ws.protocol;
      if (options.ready ?? true) ws.send(JSON.stringify({ type: MESSAGE_TYPE.READY }));
    });
    ws.on('message', (data) => {
      let value: unknown;
      try {
        value = JSON.parse(String(data));
      } catch {
        run.invalid.push(`not JSON: ${String(data).slice(0, 80)}`);
        return;
      }
      const parsed = ServerMessageSchema.safeParse(value);
      if (parsed.success) run.frames.push(parsed.data);
      else run.invalid.push(`${JSON.stringify(value).slice(0, 80)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      run.close = { code, reason: reason.toString() };
      resolve(run);
    });
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Broadcast seqs go up by one from the ready_ack's seq (per-connection replies repeat it). */
export function seqProblems(frames: readonly ServerMessage[]): string | undefined {
  let last: number | undefined;
  for (const frame of frames) {
    const perConnection = frame.type === MESSAGE_TYPE.READY_ACK || frame.type === MESSAGE_TYPE.RECONNECTED;
    if (perConnection) {
      if (last !== undefined && frame.seq < last) return `${frame.type} seq ${frame.seq} after ${last}`;
      last = frame.seq;
      continue;
    }
    if (last !== undefined && frame.seq !== last + 1) return `${frame.type} seq ${frame.seq} after ${last}`;
    last = frame.seq;
  }
  return undefined;
}
