// A tiny SQLite-backed Durable Object per client IP that counts job starts in a fixed window.
// The counting rule is pure (http/rate-limit-window.ts); this shell only stores the window.
import { DurableObject } from 'cloudflare:workers';
import { clockFor } from '../clock';
import { decideHit, type RateDecision, type WindowState } from '../http/rate-limit-window';
import type { WorkerVars } from '../vars';

const CREATE_TABLE =
  'CREATE TABLE IF NOT EXISTS rate_window (id INTEGER PRIMARY KEY CHECK (id = 1), started_at INTEGER NOT NULL, count INTEGER NOT NULL)';
const SELECT_WINDOW = 'SELECT started_at, count FROM rate_window WHERE id = 1';
const UPSERT_WINDOW =
  'INSERT INTO rate_window (id, started_at, count) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, count = excluded.count';

export class RateLimiter extends DurableObject<WorkerVars> {
  constructor(ctx: DurableObjectState, env: WorkerVars) {
    super(ctx, env);
    ctx.storage.sql.exec(CREATE_TABLE);
  }

  /** Counts one job start; returns whether it is allowed and the header values. */
  async hit(limit: number, windowSeconds: number): Promise<RateDecision> {
    // The cleanup alarm's deleteAll() drops the table too, and this instance may live on after it.
    this.ctx.storage.sql.exec(CREATE_TABLE);
    const row = this.ctx.storage.sql.exec<{ started_at: number; count: number }>(SELECT_WINDOW).toArray()[0];
    const previous: WindowState | undefined =
      row === undefined ? undefined : { startedAt: row.started_at, count: row.count };
    const decision = decideHit(previous, clockFor(this.env).now(), limit, windowSeconds * 1000);
    this.ctx.storage.sql.exec(UPSERT_WINDOW, decision.state.startedAt, decision.state.count);
    // Forget idle clients: storage has no TTL, so an alarm clears the window after it ends.
    await this.ctx.storage.setAlarm(decision.state.startedAt + windowSeconds * 1000);
    return decision;
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
