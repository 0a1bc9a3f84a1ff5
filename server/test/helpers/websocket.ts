// The WebSocket harness for Durable Object tests: a client socket that parses every frame with the
// generated ServerMessageSchema, and connect helpers that offer the contract's subprotocols.
import { SUBPROTOCOL } from '@bookstrack/generated/constants';
import { isServerMessage } from '@bookstrack/generated/fast-validators';
import { ServerMessageSchema, type ServerMessage } from '@bookstrack/generated/schemas';
import { stubFor } from './durable';

export interface Closed {
  code: number;
  reason: string;
}

/** A client socket that parses every frame with ServerMessageSchema and queues it. */
export class TestSocket {
  readonly frames: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  private waiters: (() => void)[] = [];

  constructor(
    readonly ws: WebSocket,
    readonly protocol: string | null,
  ) {
    this.closed = new Promise((resolve) => {
      ws.addEventListener('close', (event) => {
        resolve({ code: event.code, reason: event.reason });
        try {
          ws.close();
        } catch {
          // already closed
        }
        this.wake();
      });
    });
    ws.addEventListener('message', (event) => {
      const frame: unknown = JSON.parse(String(event.data));
      // Every frame a test receives is also a differential case: the server's fast guard must agree.
      if (isServerMessage(frame) !== ServerMessageSchema.safeParse(frame).success) {
        throw new Error(`fast guard and ServerMessageSchema disagree on ${String(event.data).slice(0, 300)}`);
      }
      this.frames.push(ServerMessageSchema.parse(frame));
      this.wake();
    });
    ws.accept();
  }

  send(data: unknown): void {
    this.ws.send(typeof data === 'string' || data instanceof ArrayBuffer ? data : JSON.stringify(data));
  }

  /** Waits until `count` frames arrived (or the socket closed). */
  async waitFrames(count: number, timeoutMs = 2_000): Promise<ServerMessage[]> {
    const deadline = performance.now() + timeoutMs;
    while (this.frames.length < count) {
      if (performance.now() > deadline) throw new Error(`timed out with ${this.frames.length}/${count} frames`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 20);
      });
    }
    return this.frames.slice(0, count);
  }

  /** Waits for a frame of `type` and returns it. */
  async waitFor<T extends ServerMessage['type']>(
    type: T,
    timeoutMs = 2_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => f.type === type);
      if (found) return found as Extract<ServerMessage, { type: T }>;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${type}; got ${this.types().join(',')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async waitClosed(timeoutMs = 2_000): Promise<Closed> {
    return Promise.race([
      this.closed,
      new Promise<Closed>((_, reject) =>
        setTimeout(() => reject(new Error(`not closed; frames ${this.types().join(',')}`)), timeoutMs),
      ),
    ]);
  }

  types(): string[] {
    return this.frames.map((f) => f.type);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export interface ConnectOptions {
  protocols?: string[];
  query?: string;
}

export async function connect(
  jobId: string,
  token: string | undefined,
  options: ConnectOptions = {},
): Promise<TestSocket> {
  const protocols = options.protocols ?? [
    SUBPROTOCOL.VERSION,
    ...(token === undefined ? [] : [`${SUBPROTOCOL.AUTH_PREFIX}${token}`]),
  ];
  const headers: Record<string, string> = { Upgrade: 'websocket' };
  if (protocols.length > 0) headers['Sec-WebSocket-Protocol'] = protocols.join(', ');
  const response = await stubFor(jobId).fetch(`https://do.test/ws/progress?jobId=${jobId}${options.query ?? ''}`, {
    headers,
  });
  if (response.status !== 101 || !response.webSocket) throw new Error(`expected 101, got ${response.status}`);
  return new TestSocket(response.webSocket, response.headers.get('Sec-WebSocket-Protocol'));
}

/** Connects and completes the ready → ready_ack exchange. */
export async function connectReady(jobId: string, token: string): Promise<TestSocket> {
  const socket = await connect(jobId, token);
  socket.send({ type: 'ready' });
  await socket.waitFor('ready_ack');
  return socket;
}
