// A tiny SQLite-backed Durable Object per client IP that counts job starts in a fixed window.
// The counting rule is pure (http/rate-limit-window.ts); this shell keeps the window in memory and
// stores it only at checkpoints (rate-limit-window.ts, isCheckpoint), not on every hit.
import { DurableObject } from 'cloudflare:workers';
import { clockFor } from '../clock';
import { decideHit, isCheckpoint, type RateDecision, type WindowState } from '../http/rate-limit-window';
import type { WorkerVars } from '../vars';

const SCHEMA_AND_SELECT = `CREATE TABLE IF NOT EXISTS rate_window (id INTEGER PRIMARY KEY CHECK (id = 1), started_at INTEGER NOT NULL, count INTEGER NOT NULL);
SELECT started_at, count FROM rate_window WHERE id = 1`;
const UPSERT_WINDOW =
  'INSERT INTO rate_window (id, started_at, count) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, count = excluded.count';

export class RateLimiter extends DurableObject<WorkerVars> {
  /** The window as counted; `undefined` until the first hit of this instance has read storage. */
  private window: WindowState | null | undefined;
  /** When the cleanup alarm is due, as far as this instance knows (null: none set). */
  private alarmAt: number | null | undefined;

  /** Counts one job start; returns whether it is allowed and the header values. */
  async hit(limit: number, windowSeconds: number): Promise<RateDecision> {
    const windowMs = windowSeconds * 1000;
    const previous = this.window === undefined ? this.load() : this.window;
    const decision = decideHit(previous ?? undefined, clockFor(this.env).now(), limit, windowMs);
    this.window = decision.state;
    if (isCheckpoint(previous ?? undefined, decision)) {
      this.ctx.storage.sql.exec(UPSERT_WINDOW, decision.state.startedAt, decision.state.count);
    }
    // Forget idle clients: storage has no TTL, so an alarm clears the window after it ends. It is
    // set once per window, not re-armed on every hit.
    const endsAt = decision.state.startedAt + windowMs;
    if (this.alarmAt === undefined) this.alarmAt = await this.ctx.storage.getAlarm();
    if (this.alarmAt === null || this.alarmAt < endsAt) {
      await this.ctx.storage.setAlarm(endsAt);
      this.alarmAt = endsAt;
    }
    return decision;
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.window = undefined;
    this.alarmAt = null;
  }

  /** The stored window (creating the table on first use: the alarm's deleteAll() drops it too). */
  private load(): WindowState | null {
    const row = this.ctx.storage.sql.exec<{ started_at: number; count: number }>(SCHEMA_AND_SELECT).toArray()[0];
    return row === undefined ? null : { startedAt: row.started_at, count: row.count };
  }
}
