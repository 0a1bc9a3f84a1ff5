// The job's WebSockets under the Hibernation API: per-socket attachment, encoded frames, safe
// sends and closes (a socket that vanished mid-send must not break the job).
import type { ServerMessage } from '@bookstrack/generated/schemas';
import { encodeServerMessage } from '../jobs/frames';

/** Per-socket state that survives hibernation (serializeAttachment). */
export interface SocketAttachment {
  connectedAt: number;
  /** The client sent `ready`: it gets live job frames from now on. */
  isReady: boolean;
}

const READY_STATE_OPEN = 1;

export class SocketHub {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly isValidating: boolean,
  ) {}

  /** Sockets still open (a socket we already closed is excluded). */
  open(): WebSocket[] {
    return this.ctx.getWebSockets().filter((ws) => ws.readyState === READY_STATE_OPEN);
  }

  attachment(ws: WebSocket): SocketAttachment {
    const stored = ws.deserializeAttachment() as SocketAttachment | null;
    return stored ?? { connectedAt: 0, isReady: false };
  }

  setAttachment(ws: WebSocket, attachment: SocketAttachment): void {
    ws.serializeAttachment(attachment);
  }

  /** One frame to one socket (a reply such as ready_ack or reconnected). */
  send(ws: WebSocket, message: ServerMessage): void {
    this.sendText(ws, encodeServerMessage(message, this.isValidating));
  }

  /** One frame (one seq) to every open socket, or only to those that sent `ready`. */
  broadcast(message: ServerMessage, isReadyOnly: boolean): void {
    this.broadcastText(encodeServerMessage(message, this.isValidating), isReadyOnly);
  }

  /**
   * Completes the handshake and closes at once, after the optional final frame. Such a socket is
   * accepted outside the Hibernation API: workerd holds back the close of a hibernatable socket
   * closed before its 101 went out (measured ~10 s under wrangler dev).
   */
  closeAtOnce(server: WebSocket, code: number, reason: string, finalMessage?: ServerMessage): void {
    server.accept();
    if (finalMessage !== undefined) this.send(server, finalMessage);
    this.close(server, code, reason);
  }

  broadcastText(text: string, isReadyOnly: boolean): void {
    for (const ws of this.open()) {
      if (!isReadyOnly || this.attachment(ws).isReady) this.sendText(ws, text);
    }
  }

  sendText(ws: WebSocket, text: string): void {
    try {
      ws.send(text);
    } catch {
      // The peer is gone; webSocketClose/webSocketError will tidy up.
    }
  }

  close(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code, reason);
    } catch {
      // Already closing or closed: nothing left to do.
    }
  }

  closeAll(code: number, reason: string): void {
    for (const ws of this.open()) this.close(ws, code, reason);
  }
}
