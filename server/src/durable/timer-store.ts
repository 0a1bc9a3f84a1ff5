// The persistent timer table and the single alarm armed for its earliest entry.
import { decideAfterFailure, nextAlarmAt, type Timer } from '../jobs/timers';
import type { TimerKind } from '../jobs/timers';
import { SQL } from './storage-schema';

type Row = { id: number; kind: string; key: string; due_at: number; attempts: number; rev: number };

export class TimerStore {
  /**
   * The last timer id handed out. In memory, seeded from the table once: ids only grow while this
   * instance lives, so a Timer read before a run never matches a timer created during it.
   */
  private lastId: number | undefined;

  constructor(
    private readonly sql: SqlStorage,
    private readonly storage: DurableObjectStorage,
  ) {}

  /** Creates or moves the timer (kind, key): never a duplicate. */
  schedule(kind: TimerKind, dueAt: number, key = ''): void {
    this.sql.exec(SQL.upsertTimer, kind, key, dueAt, this.nextId());
  }

  /** Creates the timer, or moves a pending one earlier, never later (e.g. the token check on connect). */
  scheduleEarliest(kind: TimerKind, dueAt: number, key = ''): void {
    this.sql.exec(SQL.upsertTimerEarliest, kind, key, dueAt, this.nextId());
  }

  cancelKind(kind: TimerKind): void {
    this.sql.exec(SQL.deleteTimerKind, kind);
  }

  list(): Timer[] {
    return this.sql
      .exec<Row>(SQL.selectTimers)
      .toArray()
      .map((r) => ({
        id: Number(r.id),
        kind: r.kind as TimerKind,
        key: String(r.key),
        dueAt: Number(r.due_at),
        attempts: Number(r.attempts),
        rev: Number(r.rev),
      }));
  }

  /** Removes the version that ran; a reschedule during the run (new rev) survives. */
  markRan(timer: Timer): void {
    this.sql.exec(SQL.deleteTimerRun, timer.kind, timer.key, timer.id, timer.rev);
  }

  /**
   * Keeps a failed timer for a retry with backoff, or drops it after too many attempts. A timer the
   * failed run had already rescheduled (new rev) is left as rescheduled: 'superseded'.
   */
  markFailed(timer: Timer, now: number): 'retry' | 'drop' | 'superseded' {
    const decision = decideAfterFailure(timer, now);
    if (decision.action === 'drop') {
      this.markRan(timer);
      return 'drop';
    }
    const cursor = this.sql.exec(
      SQL.retryTimer,
      decision.dueAt,
      decision.attempts,
      timer.kind,
      timer.key,
      timer.id,
      timer.rev,
    );
    cursor.toArray();
    return cursor.rowsWritten > 0 ? 'retry' : 'superseded';
  }

  /** An id above every stored one (a moved timer keeps its old id: the upsert ignores this one). */
  private nextId(): number {
    this.lastId ??= Number(this.sql.exec<{ id: number }>(SQL.selectMaxTimerId).one().id);
    this.lastId += 1;
    return this.lastId;
  }

  /** Arms the one alarm for the earliest pending timer (or clears it). */
  async arm(): Promise<void> {
    const at = nextAlarmAt(this.list());
    if (at === null) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(at);
  }
}
