import { describe, expect, it } from 'vitest';
import { TIMER_KIND } from '../../src/jobs/timers';
import {
  TIMER_MAX_ATTEMPTS,
  TIMER_RETRY_BASE_MS,
  decideAfterFailure,
  dueTimers,
  nextAlarmAt,
  type Timer,
} from '../../src/jobs/timers';

const T0 = Date.UTC(2035, 0, 1);

function timer(id: number, kind: Timer['kind'], dueAt: number, key = ''): Timer {
  return { id, kind, key, dueAt, attempts: 0, rev: 0 };
}

describe('dueTimers', () => {
  it('returns only timers due at or before now, earliest first then by id', () => {
    const timers = [
      timer(3, TIMER_KIND.TOKEN_CHECK, T0),
      timer(1, TIMER_KIND.JOB_STEP, T0),
      timer(2, TIMER_KIND.GRACE_END, T0 - 5, 'abc'),
      timer(4, TIMER_KIND.RESULTS_EXPIRY, T0 + 1),
    ];
    expect(dueTimers(timers, T0).map((t) => t.id)).toEqual([2, 1, 3]);
  });

  it('returns a job step and a token check due at the same instant, both', () => {
    const timers = [timer(7, TIMER_KIND.TOKEN_CHECK, T0), timer(5, TIMER_KIND.JOB_STEP, T0)];
    expect(dueTimers(timers, T0).map((t) => t.kind)).toEqual(['job_step', 'token_check']);
  });

  it('returns nothing when every timer is in the future', () => {
    expect(dueTimers([timer(1, TIMER_KIND.TOKEN_CHECK, T0 + 1)], T0)).toEqual([]);
  });
});

describe('nextAlarmAt', () => {
  it('is the earliest due time of all pending timers', () => {
    const timers = [timer(1, TIMER_KIND.TOKEN_EXPIRY, T0 + 900), timer(2, TIMER_KIND.TOKEN_CHECK, T0 + 100)];
    expect(nextAlarmAt(timers)).toBe(T0 + 100);
  });

  it('is null when no timer is pending', () => {
    expect(nextAlarmAt([])).toBeNull();
  });
});

describe('decideAfterFailure', () => {
  it('retries a failed timer after a doubling delay', () => {
    const first = decideAfterFailure(timer(1, TIMER_KIND.JOB_STEP, T0), T0);
    expect(first).toEqual({ action: 'retry', attempts: 1, dueAt: T0 + TIMER_RETRY_BASE_MS });
    const third = decideAfterFailure({ ...timer(1, TIMER_KIND.JOB_STEP, T0), attempts: 2 }, T0);
    expect(third).toEqual({ action: 'retry', attempts: 3, dueAt: T0 + TIMER_RETRY_BASE_MS * 4 });
  });

  it('drops a timer that has failed the maximum number of times', () => {
    const last = { ...timer(1, TIMER_KIND.JOB_STEP, T0), attempts: TIMER_MAX_ATTEMPTS - 1 };
    expect(decideAfterFailure(last, T0)).toEqual({ action: 'drop' });
  });
});
