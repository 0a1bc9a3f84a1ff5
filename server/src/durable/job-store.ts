// Typed access to the job row and its work items in the ProgressSocket's SQLite storage.
// An item whose JSON exceeds one row's limit is stored in parts (item-parts.ts) and joined on read.
import type { JobStatus, PipelineType } from '@bookstrack/generated/schemas';
import type { ItemOutcome, StoredOutcome, WorkItem } from '../pipelines/pipeline';
import { joinItemParts, splitItemJson } from './item-parts';
import { SPLIT_ITEM_MARKER, SQL } from './storage-schema';

export interface JobRow {
  jobId: string;
  pipeline: PipelineType;
  status: JobStatus;
  totalCount: number;
  itemCount: number;
  /** Index of the next item to process: the step checkpoint. */
  checkpoint: number;
  successCount: number;
  failureCount: number;
  seq: number;
  statusText: string | null;
  estimatedDurationMs: number | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  completedAt: number | null;
  resultsExpiresAt: number | null;
  isResultsDeleted: boolean;
  lastProgressAt: number | null;
  /** The stored terminal frame (job_complete or error), replayed to a socket that connects late. */
  finalFrame: string | null;
}

export interface SliceItem {
  index: number;
  item: WorkItem;
  outcome: ItemOutcome | null;
}

export interface NewJob {
  jobId: string;
  pipeline: PipelineType;
  totalCount: number;
  items: readonly WorkItem[];
  presetOutcomes?: ReadonlyMap<number, ItemOutcome>;
  estimatedDurationMs?: number;
  now: number;
}

type Row = Record<string, SqlStorageValue>;

export class JobStore {
  constructor(private readonly sql: SqlStorage) {}

  get(): JobRow | undefined {
    const row = this.sql.exec<Row>(SQL.selectJob).toArray()[0];
    return row ? toJobRow(row) : undefined;
  }

  /** Stores the job and its items; the caller wraps this in transactionSync, so a job is stored whole or not at all. */
  insert(job: NewJob): void {
    this.sql.exec(SQL.insertJob, job.jobId, job.pipeline, job.totalCount, job.items.length,
      job.estimatedDurationMs ?? null, job.now, job.now);
    job.items.forEach((item, index) => {
      const preset = job.presetOutcomes?.get(index);
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

  /** Allocates the next per-job frame sequence number (persisted, starts at 1). */
  nextSeq(): number {
    const row = this.sql.exec<{ seq: number }>(SQL.nextSeq).toArray()[0];
    if (!row) throw new Error('nextSeq on a Durable Object without a job');
    return row.seq;
  }

  markStarted(now: number): void {
    this.sql.exec(SQL.markStarted, now, now);
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

  /** Writes a step's outcomes and advances the checkpoint; the caller wraps this in transactionSync. */
  commitStep(outcomes: readonly StoredOutcome[], checkpoint: number, statusText: string, now: number): void {
    let successes = 0;
    for (const { index, outcome } of outcomes) {
      this.sql.exec(SQL.writeOutcome, JSON.stringify(outcome), index);
      if (outcome.ok) successes += 1;
    }
    this.sql.exec(SQL.advanceCheckpoint, checkpoint, successes, outcomes.length - successes, statusText, now);
  }

  outcomes(): StoredOutcome[] {
    return this.sql.exec<Row>(SQL.selectOutcomes).toArray().map((r) => ({
      index: Number(r.idx),
      outcome: JSON.parse(String(r.outcome)) as ItemOutcome,
    }));
  }

  markProgressSent(now: number): void {
    this.sql.exec(SQL.markProgressSent, now);
  }

  markCompleted(now: number, resultsExpiresAt: number, finalFrame: string): void {
    this.sql.exec(SQL.markCompleted, now, resultsExpiresAt, now, finalFrame);
  }

  markEnded(status: 'failed' | 'canceled', statusText: string, now: number, finalFrame: string | null): void {
    this.sql.exec(SQL.markEnded, status, statusText, now, finalFrame);
  }

  deleteResults(): void {
    this.sql.exec(SQL.deleteAllItemParts);
    this.sql.exec(SQL.deleteItems);
    this.sql.exec(SQL.markResultsDeleted);
  }

  /** Forgets the whole job: items, tokens, timers and the job row. */
  wipe(): void {
    for (const statement of SQL.wipe) this.sql.exec(statement);
  }
}

function toJobRow(r: Row): JobRow {
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
    finalFrame: r.final_frame === null || r.final_frame === undefined ? null : String(r.final_frame),
  };
}
