// The timer table of objects created before timers became WITHOUT ROWID (an AUTOINCREMENT id and a
// UNIQUE (kind, key)): CREATE TABLE IF NOT EXISTS keeps it, so TimerStore's statements must fit it too.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { TimerStore } from '../../src/durable/timer-store';
import { TIMER_KIND } from '../../src/jobs/timers';
import { T0, newJobId, stubFor } from '../helpers/durable';

const OLD_TIMERS_TABLE = `CREATE TABLE timers (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
  key TEXT NOT NULL DEFAULT '', due_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  rev INTEGER NOT NULL DEFAULT 0, UNIQUE (kind, key))`;

describe('TimerStore on an object created before the WITHOUT ROWID timers table', () => {
  it('schedules, moves, retries and removes timers in insertion order', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const sql = state.storage.sql;
      sql.exec('DROP TABLE timers');
      sql.exec(OLD_TIMERS_TABLE);
      sql.exec('INSERT INTO timers (kind, key, due_at) VALUES (?, ?, ?)', TIMER_KIND.TOKEN_CHECK, '', T0 + 5);
      const store = new TimerStore(sql, state.storage);
      store.schedule(TIMER_KIND.JOB_STEP, T0 + 10);
      store.schedule(TIMER_KIND.JOB_STEP, T0 + 20);
      store.scheduleEarliest(TIMER_KIND.TOKEN_CHECK, T0 + 3);
      const timers = store.list();
      expect(timers.map((t) => [t.id, t.kind, t.dueAt, t.rev])).toEqual([
        [1, TIMER_KIND.TOKEN_CHECK, T0 + 3, 1],
        [2, TIMER_KIND.JOB_STEP, T0 + 20, 1],
      ]);
      const step = timers[1];
      if (!step) throw new Error('no job_step timer');
      expect(store.markFailed(step, T0 + 20)).toBe('retry');
      store.markRan(step);
      expect(store.list().map((t) => t.kind)).toEqual([TIMER_KIND.TOKEN_CHECK]);
    });
  });
});
