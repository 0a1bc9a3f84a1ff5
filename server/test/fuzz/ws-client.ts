// A recording WebSocket client for the fuzzers and end-to-end tests: every text frame is parsed with
// the generated ServerMessageSchema (a frame that does not parse is kept as a contract failure), and
// the close code and reason are captured. Sockets never outlive their `timeoutMs`.
import { SUBPROTOCOL } from '@bookstrack/generated/constants';
import { ServerMessageSchema, type ServerMessage } from '@bookstrack/generated/schemas';
import WebSocket from 'ws';

export interface SocketRecord {
  isOpened: boolean;
  protocol: string;
  frames: ServerMessage[];
  /** Frames received as binary, or text that ServerMessageSchema refused. */
  badFrames: string[];
  /** Receipt time (Date.now()) of each frame, aligned with `frames`. */
  receivedAt: number[];
  code: number | undefined;
  reason: string;
  timedOut: boolean;
  /** Milliseconds from the server's close frame to the end of the TCP connection (a browser gives up after ~2 s). */
  teardownMs: number | undefined;
}

// Past this after the server's close frame, the client ends the connection itself, as browsers do.
const TEARDOWN_GRACE_MS = 2_000;
type ReceiverEvents = { on: (event: 'conclude', listener: (code: number, reason: Buffer) => void) => void };

export class RecordingSocket {
  readonly socket: WebSocket;
  readonly record: SocketRecord = {
    isOpened: false,
    protocol: '',
    frames: [],
    badFrames: [],
    receivedAt: [],
    code: undefined,
    reason: '',
    timedOut: false,
    teardownMs: undefined,
  };
  private closeFrameAt: number | undefined;
  readonly opened: Promise<boolean>;
  readonly closed: Promise<SocketRecord>;
  private listeners: (() => void)[] = [];

  constructor(url: string, protocols: string[], timeoutMs: number) {
    this.socket = new WebSocket(url, protocols, { perMessageDeflate: false, maxPayload: 1024 * 1024 });
    this.opened = new Promise((resolve) => {
      this.socket.once('open', () => {
        this.watchCloseFrame();
        this.record.isOpened = true;
        this.record.protocol = this.socket.protocol;
        resolve(true);
      });
      this.socket.once('close', () => resolve(false));
    });
    this.closed = new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.record.timedOut = true;
        this.socket.terminate();
      }, timeoutMs);
      this.socket.on('close', (code, reason) => {
        clearTimeout(timer);
        if (this.closeFrameAt !== undefined) this.record.teardownMs = Date.now() - this.closeFrameAt;
        if (!this.record.timedOut && this.record.code === undefined)
          [this.record.code, this.record.reason] = [code, reason.toString()];
        this.notify();
        resolve(this.record);
      });
    });
    this.socket.on('error', () => undefined);
    this.socket.on('message', (data, isBinary) => this.receive(data.toString(), isBinary));
  }

  /**
   * The code and reason count from the server's close frame (ws's receiver 'conclude'), not from the
   * TCP teardown, which `wrangler dev` sometimes delays by ~10 s after a close sent during the handshake.
   */
  private watchCloseFrame(): void {
    const receiver = (this.socket as unknown as { _receiver?: ReceiverEvents })._receiver;
    receiver?.on('conclude', (code, reason) => {
      this.closeFrameAt = Date.now();
      [this.record.code, this.record.reason] = [code, reason.toString()];
      setTimeout(() => this.socket.terminate(), TEARDOWN_GRACE_MS).unref();
      this.notify();
    });
  }

  private receive(text: string, isBinary: boolean): void {
    const parsed = isBinary ? undefined : ServerMessageSchema.safeParse(safeJson(text));
    if (parsed?.success) {
      this.record.frames.push(parsed.data);
      this.record.receivedAt.push(Date.now());
    } else {
      this.record.badFrames.push(text.slice(0, 300));
    }
    this.notify();
  }

  private notify(): void {
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }

  /** Resolves once a frame matching `predicate` arrived; false when the socket closed first. */
  async waitFor(predicate: (frames: ServerMessage[]) => boolean): Promise<boolean> {
    while (!predicate(this.record.frames)) {
      if (this.record.code !== undefined || this.record.timedOut) return false;
      await new Promise<void>((resolve) => this.listeners.push(resolve));
    }
    return true;
  }

  send(data: string | Buffer, isBinary = false): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data, { binary: isBinary });
  }

  close(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000, 'client done');
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The protocols a well-behaved client offers: the version protocol and its token. */
export function authProtocols(token: string): string[] {
  return [SUBPROTOCOL.VERSION, `${SUBPROTOCOL.AUTH_PREFIX}${token}`];
}

export function openSocket(
  wsOrigin: string,
  jobId: string,
  protocols: string[],
  timeoutMs = 10_000,
  query = '',
): RecordingSocket {
  return new RecordingSocket(
    `${wsOrigin}/ws/progress?jobId=${encodeURIComponent(jobId)}${query}`,
    protocols,
    timeoutMs,
  );
}

/** Broadcast frames (everything but the per-socket replies) must carry seq = previous + 1. */
export function seqGaps(frames: readonly ServerMessage[]): number {
  let gaps = 0;
  let last: number | undefined;
  for (const frame of frames) {
    if (frame.type === 'ready_ack' || frame.type === 'reconnected') {
      last ??= frame.seq;
      continue;
    }
    if (last !== undefined && frame.seq !== last + 1) gaps += 1;
    last = frame.seq;
  }
  return gaps;
}
