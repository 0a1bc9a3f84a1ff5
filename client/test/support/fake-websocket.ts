// A scriptable stand-in for the browser WebSocket: the test plays the server (open, send, close) and
// reads what the client sent. Close events are dispatched on a microtask, as browsers do.
import type { WebSocketLike } from '../../src/socket-types';

export class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];
  readonly sent: string[] = [];
  readyState = 0;
  protocol = '';
  clientClose: { code?: number; reason?: string } | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeWebSocket.instances.push(this);
  }

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.clientClose = { code, reason };
    this.readyState = 2;
    queueMicrotask(() => this.serverClose(code ?? 1005, reason ?? ''));
  }

  /** The server accepted the handshake and echoed `protocol`. */
  serverOpen(protocol = 'bookstrack.v1'): void {
    this.protocol = protocol;
    this.readyState = 1;
    this.onopen?.({});
  }

  serverSend(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  serverClose(code: number, reason: string): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  sentMessages(): unknown[] {
    return this.sent.map((text) => JSON.parse(text));
  }
}
