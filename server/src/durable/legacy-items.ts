// Objects created before chunked storage keep one row per work item in `items` (an item too large for
// one row keeps '' there and its UTF-8 JSON in `item_parts`). The first time such an object wakes
// after the deploy, its items and their outcomes move into chunks in one transaction and the old
// tables are dropped: a job that was running resumes where it stopped, a finished one still serves
// its results for the rest of their retention. New objects never have these tables.
import type { ItemOutcome, WorkItem } from '../pipelines/pipeline';
import { joinItemParts } from './item-parts';
import type { JobStore } from './job-store';
import { LEGACY_ITEM_TABLES } from './storage-schema';

const LEGACY = {
  exists: `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('items', 'item_parts')`,
  items: 'SELECT idx, item, outcome FROM items ORDER BY idx',
  parts: 'SELECT idx, bytes FROM item_parts ORDER BY idx, part',
  drop: LEGACY_ITEM_TABLES.map((table) => `DROP TABLE IF EXISTS ${table}`),
} as const;

/** items.item of an item stored in parts: never valid JSON, so never confused with a stored item. */
const SPLIT_ITEM_MARKER = '';

type Row = Record<string, SqlStorageValue>;

export interface LegacyMigration {
  items: number;
  outcomes: number;
}

/**
 * Moves a pre-chunk object's items and outcomes into chunks and drops the per-item tables; undefined
 * when the object has none. Runs inside the caller's transaction (progress-socket.ts wraps it).
 */
export function migrateLegacyItems(sql: SqlStorage, jobs: JobStore): LegacyMigration | undefined {
  const tables = sql.exec<Row>(LEGACY.exists).toArray();
  if (tables.length === 0) return undefined;
  const hasItems = tables.some((table) => table.name === 'items');
  const rows = hasItems ? sql.exec<Row>(LEGACY.items).toArray() : [];
  const parts = new Map<number, ArrayBuffer[]>();
  if (tables.some((table) => table.name === 'item_parts'))
    for (const row of sql.exec<Row>(LEGACY.parts)) {
      const index = Number(row.idx);
      parts.set(index, [...(parts.get(index) ?? []), row.bytes as ArrayBuffer]);
    }
  const items: WorkItem[] = [];
  const outcomes = new Map<number, ItemOutcome>();
  for (const row of rows) {
    const index = Number(row.idx);
    if (index !== items.length) throw new Error(`legacy items: row ${index} where ${items.length} was expected`);
    const json = row.item === SPLIT_ITEM_MARKER ? joinItemParts(parts.get(index) ?? []) : String(row.item);
    items.push(JSON.parse(json) as WorkItem);
    if (row.outcome !== null) outcomes.set(index, JSON.parse(String(row.outcome)) as ItemOutcome);
  }
  if (items.length > 0) jobs.insertItems(items, outcomes);
  for (const statement of LEGACY.drop) sql.exec(statement);
  return { items: items.length, outcomes: outcomes.size };
}
