// What the pure job rules ask the Durable Object to do: the effects of a transition. The shell
// applies them in order: storage first (one transaction), then frames, closes and the alarm.
import type { ServerMessage } from '@bookstrack/generated/schemas';
import type { StoredOutcome } from '../pipelines/pipeline';
import type { JobSnapshot } from './job-snapshot';
import type { TimerKind } from './timers';

export type JobEffect =
  /** One broadcast frame to every open socket, or only to those that sent `ready`. */
  | { kind: 'broadcast'; message: ServerMessage; isReadyOnly: boolean }
  | { kind: 'close_all'; code: number; reason: string }
  /** Creates or moves the timer (kind, key); with `isEarliest`, a pending earlier one is kept. */
  | { kind: 'arm'; timer: TimerKind; at: number; key?: string; isEarliest?: boolean }
  | { kind: 'disarm'; timer: TimerKind }
  | { kind: 'write_outcomes'; outcomes: readonly StoredOutcome[] }
  /** The current token stays valid until `until` (never shortened): a finished job is read with it. */
  | { kind: 'extend_token'; until: number }
  | { kind: 'delete_results' }
  | { kind: 'wipe' }
  /** Aborts the pipeline step in flight (a cancel). */
  | { kind: 'abort_step' }
  /** One structured lifecycle log line; the shell adds the job id. Never carries a token. */
  | { kind: 'log'; event: LifecycleEvent; detail?: LogDetail; isFailure?: boolean };

/** The lifecycle events `wrangler tail` shows, one JSON line each (dotted: never a wire message type). */
export type LifecycleEvent =
  | 'job.started'
  | 'job.completed'
  | 'job.failed'
  | 'job.canceled'
  | 'socket.opened'
  | 'socket.closed'
  | 'token.refreshed'
  | 'token.expired'
  | 'token.revoked'
  | 'timer.retried'
  | 'timer.dropped'
  | 'storage.migrated'
  | 'internal.error';

export type LogDetail = Record<string, string | number | boolean>;

export interface Transition {
  /** The job after the transition; undefined when it did not change. */
  job?: JobSnapshot;
  effects: JobEffect[];
}

export const NO_CHANGE: Transition = { effects: [] };
