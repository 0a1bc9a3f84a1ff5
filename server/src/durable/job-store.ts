// Typed access to the job row and its work items in the ProgressSocket's SQLite storage.
// An item whose JSON exceeds one row's limit is stored in parts (item-parts.ts) and joined on read.
import type { JobStatus, PipelineType, ServerMessage } from '@bookstrack/generated/schemas';
import type { JobSnapshot } from '../jobs/job-snapshot';
import type { ItemOutcome, StoredOutcome, WorkItem } from '../pipelines/pipeline';
import { joinItemParts, splitItemJson } from './item-parts';
import { SPLIT_ITEM_MARKER, SQL } from './storage-schema';

export interface SliceItem {
  index: number;
  item: WorkItem;
  outcome: ItemOutcome | null;
}

type Row = Record<string, SqlStorageValue>;

export class JobStore {
  constructor(private readonly sql: SqlStorage) {}

  get(): JobSnapshot | undefined {
    const row = this.sql.exec<Row>(SQL.selectJob).toArray()[0];
    return row ? toJobSnapshot(row) : undefined;
  }

  /** Writes the whole job row (one statement), inserting it the first time. */
  save(job: JobSnapshot): void {
    this.sql.exec(
      SQL.upsertJob,
      job.jobId,
      job.pipeline,
      job.status,
      job.totalCount,
      job.itemCount,
      job.checkpoint,
      job.successCount,
      job.failureCount,
      job.seq,
      job.statusText,
      job.estimatedDurationMs,
      job.createdAt,
      job.updatedAt,
      job.startedAt,
      job.completedAt,
      job.resultsExpiresAt,
      job.isResultsDeleted ? 1 : 0,
      job.lastProgressAt,
      job.finalMessage === null ? null : JSON.stringify(job.finalMessage),
    );
  }

  /** Stores the job's items; the caller wraps this in transactionSync with the job row. */
  insertItems(items: readonly WorkItem[], presetOutcomes?: ReadonlyMap<number, ItemOutcome>): void {
    items.forEach((item, index) => {
      const preset = presetOutcomes?.get(index);
      this.putItem(index, item, preset ? JSON.stringify(preset) : null);
    });
  }

  /** Writes item `index`, replacing any earlier copy and its parts, so writing it again is harmless. */
  putItem(index: number, item: WorkItem, outcome: string | null = null): void {
    const stored = splitItemJson(JSON.stringify(item));
    this.sql.exec(SQL.deleteItemParts, index);
    if ('inline' in stored) {
      this.sql.exec(SQL.insertItem, index, stored.inline, outcome);
      return;
    }
    this.sql.exec(SQL.insertItem, index, SPLIT_ITEM_MARKER, outcome);
    stored.parts.forEach((bytes, part) => this.sql.exec(SQL.insertItemPart, index, part, bytes));
  }

  slice(from: number, count: number): SliceItem[] {
    const rows = this.sql.exec<Row>(SQL.selectItemSlice, from, from + count).toArray();
    const parts = rows.some((r) => r.item === SPLIT_ITEM_MARKER) ? this.partsOf(from, count) : new Map();
    return rows.map((r) => {
      const index = Number(r.idx);
      const json = r.item === SPLIT_ITEM_MARKER ? joinItemParts(parts.get(index) ?? []) : String(r.item);
      return {
        index,
        item: JSON.parse(json) as WorkItem,
        outcome: r.outcome === null ? null : (JSON.parse(String(r.outcome)) as ItemOutcome),
      };
    });
  }

  /** The stored parts of the split items in [from, from + count), in part order, by item index. */
  private partsOf(from: number, count: number): Map<number, ArrayBuffer[]> {
    const byIndex = new Map<number, ArrayBuffer[]>();
    for (const r of this.sql.exec<Row>(SQL.selectItemPartSlice, from, from + count)) {
      const index = Number(r.idx);
      const list = byIndex.get(index) ?? [];
      list.push(r.bytes as ArrayBuffer);
      byIndex.set(index, list);
    }
    return byIndex;
  }

  /** Writes a step's outcomes by item index, so a retried step rewrites the same rows. */
  writeOutcomes(outcomes: readonly StoredOutcome[]): void {
    for (const { index, outcome } of outcomes) this.sql.exec(SQL.writeOutcome, JSON.stringify(outcome), index);
  }

  outcomes(): StoredOutcome[] {
    return this.sql
      .exec<Row>(SQL.selectOutcomes)
      .toArray()
      .map((r) => ({
        index: Number(r.idx),
        outcome: JSON.parse(String(r.outcome)) as ItemOutcome,
      }));
  }

  /** Deletes the items and their outcomes; the job row records it (isResultsDeleted). */
  deleteResults(): void {
    this.sql.exec(SQL.deleteAllItemParts);
    this.sql.exec(SQL.deleteItems);
  }

  /** Forgets the whole job: items, tokens, timers and the job row. */
  wipe(): void {
    for (const statement of SQL.wipe) this.sql.exec(statement);
  }
}

function toJobSnapshot(r: Row): JobSnapshot {
  const num = (v: SqlStorageValue): number | null => (v === null ? null : Number(v));
  return {
    jobId: String(r.job_id),
    pipeline: String(r.pipeline) as PipelineType,
    status: String(r.status) as JobStatus,
    totalCount: Number(r.total_count),
    itemCount: Number(r.item_count),
    checkpoint: Number(r.checkpoint),
    successCount: Number(r.success_count),
    failureCount: Number(r.failure_count),
    seq: Number(r.seq),
    statusText: r.status_text === null ? null : String(r.status_text),
    estimatedDurationMs: num(r.estimated_duration_ms ?? null),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    startedAt: num(r.started_at ?? null),
    completedAt: num(r.completed_at ?? null),
    resultsExpiresAt: num(r.results_expires_at ?? null),
    isResultsDeleted: Number(r.results_deleted) === 1,
    lastProgressAt: num(r.last_progress_at ?? null),
    finalMessage:
      r.final_frame === null || r.final_frame === undefined
        ? null
        : (JSON.parse(String(r.final_frame)) as ServerMessage),
  };
}
