// The job's WebSockets under the Hibernation API: per-socket attachment, sequenced frames, safe
// sends and closes (a socket that vanished mid-send must not break the job).
import { buildServerMessage, encodeServerMessage, type PayloadOf, type ServerMessageType } from '../jobs/frames';
import type { JobStore } from './job-store';

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
    private readonly jobs: JobStore,
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

  /** Builds the next broadcast frame of the job (allocating its seq) and serialises it. */
  frame<T extends ServerMessageType>(type: T, payload: PayloadOf<T>, now: number): string {
    const job = this.jobs.get();
    if (!job) throw new Error(`cannot build a ${type} frame without a job`);
    const message = buildServerMessage(type, job, this.jobs.nextSeq(), now, payload);
    return encodeServerMessage(message, this.isValidating);
  }

  /**
   * A per-socket reply (ready_ack, reconnected). Per the spec it carries the job's last broadcast
   * seq without advancing it: advancing would show every other socket a gap that is not one.
   */
  sendTo<T extends ServerMessageType>(ws: WebSocket, type: T, payload: PayloadOf<T>, now: number): void {
    const job = this.jobs.get();
    if (!job) throw new Error(`cannot build a ${type} frame without a job`);
    const message = buildServerMessage(type, job, job.seq, now, payload);
    this.sendText(ws, encodeServerMessage(message, this.isValidating));
  }

  /** One frame (one seq) to every open socket, or only to those that sent `ready`. */
  broadcast<T extends ServerMessageType>(type: T, payload: PayloadOf<T>, now: number, isReadyOnly: boolean): string {
    const text = this.frame(type, payload, now);
    this.broadcastText(text, isReadyOnly);
    return text;
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
