// Pure scheduling rules for the persistent timer table behind a Durable Object's single alarm.
// The object stores timers; these functions decide which are due, in what order, and when to wake.

/** Timer kinds: every reason a job's Durable Object ever needs to wake up. */
export const TIMER_KIND = {
  JOB_STEP: 'job_step',
  TOKEN_CHECK: 'token_check',
  TOKEN_EXPIRY: 'token_expiry',
  GRACE_END: 'grace_end',
  REVOCATION_END: 'revocation_end',
  RESULTS_EXPIRY: 'results_expiry',
  CLEANUP: 'cleanup',
} as const;

export type TimerKind = (typeof TIMER_KIND)[keyof typeof TIMER_KIND];

export interface Timer {
  id: number;
  kind: TimerKind;
  /** Distinguishes several timers of one kind (e.g. the token hash for grace_end); '' when unique. */
  key: string;
  dueAt: number;
  /** How many runs of this timer threw; reset whenever the timer is rescheduled. */
  attempts: number;
  /** Bumped on every reschedule, so a run deletes only the version it ran. */
  rev: number;
}

/** A failing timer is retried this many times, then dropped (and logged) so it cannot wedge the alarm. */
export const TIMER_MAX_ATTEMPTS = 5;
/** First retry delay; doubles per attempt. */
export const TIMER_RETRY_BASE_MS = 1_000;

/** Timers due at `now`, in run order: earliest due time first, then insertion order (id). */
export function dueTimers(timers: readonly Timer[], now: number): Timer[] {
  return timers.filter((t) => t.dueAt <= now).sort(compareTimers);
}

/** When the alarm must fire next: the earliest due time, or null when no timer is pending. */
export function nextAlarmAt(timers: readonly Timer[]): number | null {
  let earliest: number | null = null;
  for (const timer of timers) {
    if (earliest === null || timer.dueAt < earliest) earliest = timer.dueAt;
  }
  return earliest;
}

export type FailureDecision = { action: 'retry'; dueAt: number; attempts: number } | { action: 'drop' };

/** What to do with a timer whose run threw: retry later with exponential backoff, or give up. */
export function decideAfterFailure(timer: Timer, now: number): FailureDecision {
  const attempts = timer.attempts + 1;
  if (attempts >= TIMER_MAX_ATTEMPTS) return { action: 'drop' };
  return { action: 'retry', attempts, dueAt: now + TIMER_RETRY_BASE_MS * 2 ** (attempts - 1) };
}

function compareTimers(a: Timer, b: Timer): number {
  return a.dueAt - b.dueAt || a.id - b.id;
}
