// The progress WebSocket client: offers `bookstrack.v1` + `bookstrack-auth.<token>`, sends `ready`,
// reads every frame tolerantly, keeps the newest token, detects seq gaps and re-syncs over HTTP, and after
// a close follows the generated close-code table (stop, retry after a delay, back off, or new token).
import { MESSAGE_TYPE, SUBPROTOCOL, TERMINAL_JOB_STATUSES } from '@bookstrack/generated/constants';
import { isUnknown, type JobState, type JobStatus, type ServerMessage } from '@bookstrack/generated/readers';
import { ClientMessageSchema, type ClientMessage } from '@bookstrack/generated/schemas';
import { BooksTrackApi } from './api-client';
import { decideClose, DEFAULT_BACKOFF, type BackoffOptions, type CloseCodeEntry } from './close-policy';
import { Emitter } from './emitter';
import { decodeServerFrame } from './frame-decoder';
import { SeqTracker } from './seq-tracker';
import {
  REAL_SCHEDULER,
  type CloseCause,
  type JobStateReader,
  type ProgressSocketEvents,
  type Scheduler,
  type TokenProvider,
  type WebSocketConstructorLike,
  type WebSocketLike,
} from './socket-types';

export interface ProgressSocketOptions {
  /** Origin of the Worker (`http(s)://...`); the socket uses the matching `ws(s)://`. */
  baseUrl: string;
  jobId: string;
  /** The job token from the 202 of the job-start call. */
  token: string;
  /** Asked after a 1008 when the client holds no newer token than the rejected one. */
  tokenProvider?: TokenProvider;
  /** Re-sync source after a gap and before a reconnect; defaults to a BooksTrackApi on baseUrl. */
  api?: JobStateReader;
  /** WebSocket implementation; defaults to the global one (browsers, Node 22+). */
  WebSocket?: WebSocketConstructorLike;
  scheduler?: Scheduler;
  backoff?: BackoffOptions;
  /** Uniform in [0, 1): spreads the table's retry jitter (1013); defaults to Math.random. */
  random?: () => number;
  /** Consecutive reconnects without a `ready_ack` before giving up (default 10). */
  maxReconnectAttempts?: number;
}

export type SocketPhase = 'idle' | 'connecting' | 'open' | 'waiting' | 'closed';

/** Close code the client uses for dropConnection(): private range, outside the table, so it reads as a lost link. */
export const CLIENT_DROP_CLOSE_CODE = 4000;
const TERMINAL_STATUSES: ReadonlySet<string> = new Set(TERMINAL_JOB_STATUSES);
/** A status a newer server added is not known to end the job: keep following it. */
const isTerminal = (status: JobStatus): boolean => !isUnknown(status) && TERMINAL_STATUSES.has(status);

export class ProgressSocketClient extends Emitter<ProgressSocketEvents> {
  readonly jobId: string;
  private readonly options: ProgressSocketOptions;
  private readonly api: JobStateReader;
  private readonly scheduler: Scheduler;
  private readonly seq = new SeqTracker();
  private currentPhase: SocketPhase = 'idle';
  private socket: WebSocketLike | undefined;
  private currentToken: string;
  private attempt = 0;
  private timer: unknown;
  private hasJobEnded = false;
  private isResyncing = false;
  /** This socket got its ready_ack: from then on its broadcasts continue the seq the ack carries. */
  private isSynced = false;

  constructor(options: ProgressSocketOptions) {
    super();
    this.options = options;
    this.jobId = options.jobId;
    this.currentToken = options.token;
    this.api = options.api ?? new BooksTrackApi({ baseUrl: options.baseUrl });
    this.scheduler = options.scheduler ?? REAL_SCHEDULER;
  }

  /** The newest job token: use it for results, cancel and any later reconnect. */
  get token(): string {
    return this.currentToken;
  }

  get phase(): SocketPhase {
    return this.currentPhase;
  }

  get lastSeq(): number | undefined {
    return this.seq.lastSeq;
  }

  connect(): void {
    if (this.currentPhase !== 'idle') return;
    this.openSocket();
  }

  /** Sends `cancel` (same as POST /api/jobs/{jobId}/cancel); false when no socket is open. */
  cancel(): boolean {
    return this.send({ type: MESSAGE_TYPE.CANCEL });
  }

  /** Closes for good: no reconnect, `closed` with cause `client`. */
  close(): void {
    if (this.currentPhase === 'closed') return;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'Client closed');
    this.finish(1000, 'Client closed', 'client', undefined);
  }

  /** Drops the link as a network failure would; the client then reconnects (a test and demo hook). */
  dropConnection(): void {
    this.socket?.close(CLIENT_DROP_CLOSE_CODE, 'Connection dropped by the client');
  }

  private openSocket(): void {
    const WebSocketImpl =
      this.options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructorLike | undefined);
    if (!WebSocketImpl)
      throw new Error(
        'No global WebSocket in this runtime: pass a WebSocket class (e.g. the `ws` package) as options.WebSocket',
      );
    const tokenUsed = this.currentToken;
    const ws = new WebSocketImpl(this.socketUrl(), [SUBPROTOCOL.VERSION, `${SUBPROTOCOL.AUTH_PREFIX}${tokenUsed}`]);
    this.socket = ws;
    this.isSynced = false;
    this.currentPhase = 'connecting';
    ws.onopen = () => {
      if (this.socket !== ws) return;
      this.currentPhase = 'open';
      this.emit('open', { protocol: ws.protocol, attempt: this.attempt });
      this.send({ type: MESSAGE_TYPE.READY });
    };
    ws.onmessage = (event: { data: unknown }) => {
      if (this.socket === ws) this.onFrame(event.data);
    };
    ws.onclose = (event: { code: number; reason?: string }) => {
      if (this.socket !== ws) return;
      this.socket = undefined;
      void this.onClose(event.code, event.reason ?? '', tokenUsed);
    };
    // A close event always follows an error event; the close carries the code we act on.
    ws.onerror = () => undefined;
  }

  private socketUrl(): string {
    const url = new URL('/ws/progress', this.options.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('jobId', this.jobId);
    return url.toString();
  }

  private send(message: ClientMessage): boolean {
    if (!this.socket || this.currentPhase !== 'open') return false;
    this.socket.send(JSON.stringify(ClientMessageSchema.parse(message)));
    return true;
  }

  private onFrame(raw: unknown): void {
    const decoded = decodeServerFrame(raw);
    if (decoded.kind === 'unknown') return this.emit('unknown', { type: decoded.type, data: decoded.data });
    if (decoded.kind === 'invalid') return this.emit('invalid', { data: decoded.data, issues: decoded.issues });
    const message = decoded.message;
    if (message.type === MESSAGE_TYPE.READY_ACK) this.isSynced = true;
    // A broadcast may reach a socket before its ready_ack (token_refreshed goes to every socket): the
    // ack's seq covers it, so gap detection starts at the ack.
    const check = this.isSynced ? this.seq.observe(message) : ({ kind: 'presync' } as const);
    this.track(message);
    if (check.kind === 'gap') this.emit('gap', { expected: check.expected, received: check.received, message });
    this.emit('message', message);
    this.emitTyped(message);
    if (check.kind === 'gap') void this.resync();
  }

  private track(message: ServerMessage): void {
    if (message.type === MESSAGE_TYPE.READY_ACK) this.attempt = 0;
    if (message.type === MESSAGE_TYPE.JOB_COMPLETE) this.hasJobEnded = true;
    if (message.type === MESSAGE_TYPE.RECONNECTED && isTerminal(message.payload.status)) this.hasJobEnded = true;
    if (message.type === MESSAGE_TYPE.TOKEN_REFRESHED) this.setToken(message.payload.token, message.payload.expiresAt);
  }

  private emitTyped(message: ServerMessage): void {
    // The discriminated union guarantees the pairing; TypeScript cannot follow it through a generic key.
    (this.emit as (type: string, event: ServerMessage) => void)(message.type, message);
  }

  private setToken(token: string, expiresAt?: string): void {
    if (token === this.currentToken) return;
    this.currentToken = token;
    this.emit('token', expiresAt === undefined ? { token } : { token, expiresAt });
  }

  private async onClose(code: number, reason: string, tokenUsed: string): Promise<void> {
    if (this.currentPhase === 'closed') return;
    const decision = decideClose(code, this.attempt, {
      reason,
      backoff: this.options.backoff ?? DEFAULT_BACKOFF,
      random: this.options.random ?? Math.random,
    });
    if (decision.action === 'stop') return this.finish(code, reason, 'close_code', decision.entry);
    if (this.hasJobEnded) return this.finish(code, reason, 'job_ended', decision.entry);
    if (this.attempt >= (this.options.maxReconnectAttempts ?? 10))
      return this.finish(code, reason, 'gave_up', decision.entry);
    this.currentPhase = 'waiting';
    if (decision.isNewTokenNeeded && !(await this.obtainNewToken(tokenUsed, reason))) {
      return this.finish(code, reason, 'no_token', decision.entry);
    }
    if (decision.isStateCheckNeeded) {
      const state = await this.fetchState();
      if (state && isTerminal(state.status)) return this.finish(code, reason, 'job_ended', decision.entry, state);
    }
    if (this.currentPhase !== 'waiting') return;
    this.scheduleReconnect(code, reason, decision.delayMs, decision.entry);
  }

  private scheduleReconnect(code: number, reason: string, delayMs: number, entry: CloseCodeEntry | undefined): void {
    this.attempt += 1;
    this.emit('reconnecting', { attempt: this.attempt, delayMs, code, reason, entry });
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      if (this.currentPhase === 'waiting') this.openSocket();
    }, delayMs);
  }

  /** 1008: the newest token if it differs from the rejected one, else whatever the provider offers. */
  private async obtainNewToken(rejectedToken: string, reason: string): Promise<boolean> {
    if (this.currentToken !== rejectedToken) return true;
    if (!this.options.tokenProvider) return false;
    let offered: string | undefined;
    try {
      offered = await this.options.tokenProvider({ jobId: this.jobId, rejectedToken, reason });
    } catch {
      return false;
    }
    if (offered === undefined || offered === rejectedToken) return false;
    this.setToken(offered);
    return true;
  }

  private async resync(): Promise<void> {
    if (this.isResyncing) return;
    this.isResyncing = true;
    await this.fetchState();
    this.isResyncing = false;
  }

  private async fetchState(): Promise<JobState | undefined> {
    try {
      const { data } = await this.api.getJobState(this.jobId, this.currentToken);
      this.emit('state', data);
      return data;
    } catch (error) {
      this.emit('resync_failed', { error });
      return undefined;
    }
  }

  private finish(
    code: number,
    reason: string,
    cause: CloseCause,
    entry: CloseCodeEntry | undefined,
    state?: JobState,
  ): void {
    if (this.currentPhase === 'closed') return;
    this.currentPhase = 'closed';
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    this.emit('closed', state === undefined ? { code, reason, cause, entry } : { code, reason, cause, entry, state });
  }
}
