// Every table and SQL statement of the ProgressSocket's SQLite storage, in one place (timer kinds
// are rules, in jobs/timers.ts). One Durable Object holds one job, so the job table has one row.

export const TABLE = {
  JOB: 'job',
  ITEMS: 'items',
  ITEM_PARTS: 'item_parts',
  TOKENS: 'tokens',
  TIMERS: 'timers',
} as const;

/**
 * Durable Object SQLite refuses a string, BLOB or row over 2 MB (SQLITE_TOOBIG), so a work item
 * whose JSON is larger is stored as parts of at most this many UTF-8 bytes (item_parts), leaving
 * room in the row for the item's outcome.
 */
export const ITEM_PART_MAX_BYTES = 1_000_000;

/** items.item of an item stored in parts: never valid JSON, so never confused with a stored item. */
export const SPLIT_ITEM_MARKER = '';

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS ${TABLE.JOB} (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  job_id TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  status TEXT NOT NULL,
  total_count INTEGER NOT NULL,
  item_count INTEGER NOT NULL,
  checkpoint INTEGER NOT NULL DEFAULT 0,
  success_count INTEGER NOT NULL DEFAULT 0,
  failure_count INTEGER NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL DEFAULT 0,
  status_text TEXT,
  estimated_duration_ms INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  completed_at INTEGER,
  results_expires_at INTEGER,
  results_deleted INTEGER NOT NULL DEFAULT 0,
  last_progress_at INTEGER,
  final_frame TEXT
);
CREATE TABLE IF NOT EXISTS ${TABLE.ITEMS} (
  idx INTEGER PRIMARY KEY,
  item TEXT NOT NULL,
  outcome TEXT
);
CREATE TABLE IF NOT EXISTS ${TABLE.ITEM_PARTS} (
  idx INTEGER NOT NULL,
  part INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (idx, part)
);
CREATE TABLE IF NOT EXISTS ${TABLE.TOKENS} (
  hash TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  grace_ends_at INTEGER,
  forget_at INTEGER,
  lock_public TEXT,
  lock_sealed_private TEXT,
  successor_sealed TEXT
);
CREATE TABLE IF NOT EXISTS ${TABLE.TIMERS} (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  key TEXT NOT NULL DEFAULT '',
  due_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  rev INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, key)
);`;

/**
 * Creates the tables in one exec of the whole script (DO SQLite runs every statement of it): measured
 * in workerd, 0.26 ms on a new object against 0.31 ms statement by statement, and 0.007 ms on an
 * object that has them against 0.020 ms (PRAGMA user_version is not authorized in Durable Objects).
 */
export function ensureSchema(sql: SqlStorage): void {
  sql.exec(SCHEMA_SQL);
}

export const SQL = {
  // job
  // The job row is written whole: the pure machine returns the job after each transition.
  upsertJob: `INSERT OR REPLACE INTO ${TABLE.JOB} (singleton, job_id, pipeline, status, total_count, item_count,
    checkpoint, success_count, failure_count, seq, status_text, estimated_duration_ms, created_at, updated_at,
    started_at, completed_at, results_expires_at, results_deleted, last_progress_at, final_frame)
    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  selectJob: `SELECT * FROM ${TABLE.JOB} WHERE singleton = 1`,
  // items
  // An item too large for one row keeps SPLIT_ITEM_MARKER in items.item and its UTF-8 JSON in item_parts.
  insertItem: `INSERT OR REPLACE INTO ${TABLE.ITEMS} (idx, item, outcome) VALUES (?, ?, ?)`,
  deleteItemParts: `DELETE FROM ${TABLE.ITEM_PARTS} WHERE idx = ?`,
  insertItemPart: `INSERT INTO ${TABLE.ITEM_PARTS} (idx, part, bytes) VALUES (?, ?, ?)`,
  selectItemSlice: `SELECT idx, item, outcome FROM ${TABLE.ITEMS} WHERE idx >= ? AND idx < ? ORDER BY idx`,
  selectItemPartSlice: `SELECT idx, bytes FROM ${TABLE.ITEM_PARTS} WHERE idx >= ? AND idx < ? ORDER BY idx, part`,
  writeOutcome: `UPDATE ${TABLE.ITEMS} SET outcome = ? WHERE idx = ?`,
  selectOutcomes: `SELECT idx, outcome FROM ${TABLE.ITEMS} WHERE outcome IS NOT NULL ORDER BY idx`,
  deleteItems: `DELETE FROM ${TABLE.ITEMS}`,
  deleteAllItemParts: `DELETE FROM ${TABLE.ITEM_PARTS}`,
  // tokens
  selectTokens: `SELECT * FROM ${TABLE.TOKENS}`,
  insertToken: `INSERT INTO ${TABLE.TOKENS} (hash, role, expires_at, lock_public, lock_sealed_private)
    VALUES (?, 'current', ?, ?, ?)`,
  demoteToken: `UPDATE ${TABLE.TOKENS} SET role = 'previous', grace_ends_at = ?, forget_at = ?,
    successor_sealed = ? WHERE hash = ? AND role = 'current'`,
  extendCurrentToken: `UPDATE ${TABLE.TOKENS} SET expires_at = MAX(expires_at, ?) WHERE role = 'current'`,
  deleteToken: `DELETE FROM ${TABLE.TOKENS} WHERE hash = ? AND forget_at <= ?`,
  // timers
  upsertTimer: `INSERT INTO ${TABLE.TIMERS} (kind, key, due_at) VALUES (?, ?, ?)
    ON CONFLICT (kind, key) DO UPDATE SET due_at = excluded.due_at, attempts = 0, rev = rev + 1`,
  upsertTimerEarliest: `INSERT INTO ${TABLE.TIMERS} (kind, key, due_at) VALUES (?, ?, ?)
    ON CONFLICT (kind, key) DO UPDATE SET due_at = excluded.due_at, attempts = 0, rev = rev + 1
    WHERE excluded.due_at < ${TABLE.TIMERS}.due_at`,
  selectTimers: `SELECT id, kind, key, due_at, attempts, rev FROM ${TABLE.TIMERS}`,
  deleteTimerRun: `DELETE FROM ${TABLE.TIMERS} WHERE id = ? AND rev = ?`,
  deleteTimerKind: `DELETE FROM ${TABLE.TIMERS} WHERE kind = ?`,
  retryTimer: `UPDATE ${TABLE.TIMERS} SET due_at = ?, attempts = ? WHERE id = ? AND rev = ?`,
  // cleanup: forget the whole job
  wipe: [TABLE.ITEM_PARTS, TABLE.ITEMS, TABLE.TOKENS, TABLE.TIMERS, TABLE.JOB].map((t) => `DELETE FROM ${t}`),
} as const;
