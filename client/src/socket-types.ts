// The seams of the progress socket client: the WebSocket it opens, the clock it waits on, the HTTP
// call it re-syncs with, the token provider it asks after a 1008, and the events it emits.
import type { JobState, ServerMessage } from '@bookstrack/generated/readers';
import type { CloseCodeEntry } from './close-policy';
import type { FrameIssue } from './frame-decoder';

/** The part of the WHATWG WebSocket the client uses (browsers, Node 22+, the `ws` package). */
export interface WebSocketLike {
  readonly protocol: string;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
}

export type WebSocketConstructorLike = new (url: string, protocols: string[]) => WebSocketLike;

export interface Scheduler {
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_SCHEDULER: Scheduler = {
  setTimeout: (run, delayMs) => globalThis.setTimeout(run, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Reads the job's snapshot; `BooksTrackApi` satisfies it. */
export interface JobStateReader {
  getJobState(jobId: string, token: string): Promise<{ data: JobState }>;
}

export interface TokenRequest {
  jobId: string;
  /** The token the server just rejected (close 1008). */
  rejectedToken: string;
  reason: string;
}

/** Returns a token different from the rejected one, or undefined when there is none (start a new job). */
export type TokenProvider = (request: TokenRequest) => Promise<string | undefined> | string | undefined;

type MessageEvents = { [M in ServerMessage as M['type']]: M };

export type CloseCause =
  | 'close_code' // the table says do not reconnect (1000, 1002, 1009, 1008 `Too many connections`)
  | 'job_ended' // GET /api/job-state says the job is completed, failed or canceled
  | 'no_token' // 1008 and no different token to retry with
  | 'gave_up' // maxReconnectAttempts reached
  | 'client'; // close() was called

export interface ProgressSocketEvents extends MessageEvents {
  /** Every validated server message, in arrival order (also emitted under its own type). */
  message: ServerMessage;
  /** A frame whose `type` this client does not know: surfaced, never thrown. */
  unknown: { type: string; data: Record<string, unknown> };
  /** A frame that is not a valid message of a known type (not JSON, wrong shape). */
  invalid: { data: unknown; issues: FrameIssue[] };
  open: { protocol: string; attempt: number };
  /** A broadcast skipped seq numbers; a GET /api/job-state re-sync follows (`state`). */
  gap: { expected: number; received: number; message: ServerMessage };
  /** A job snapshot from GET /api/job-state (after a gap, or before a reconnect). */
  state: JobState;
  resync_failed: { error: unknown };
  /** The newest token changed (`token_refreshed` or the token provider). */
  token: { token: string; expiresAt?: string };
  reconnecting: { attempt: number; delayMs: number; code: number; reason: string; entry: CloseCodeEntry | undefined };
  /** Final: the client will not reconnect by itself. */
  closed: { code: number; reason: string; cause: CloseCause; entry: CloseCodeEntry | undefined; state?: JobState };
}
