// Typed access to the job row and its work items in the ProgressSocket's SQLite storage. Items and
// outcomes are stored in chunks of one step's slice (item-chunks.ts): a step writes one outcome row.
import type { JobStatus, PipelineType, ServerMessage } from '@bookstrack/generated/schemas';
import type { JobSnapshot } from '../jobs/job-snapshot';
import type { ItemOutcome, StoredOutcome, WorkItem } from '../pipelines/pipeline';
import { ChunkStore } from './item-chunks';
import { CHUNK_KIND, SQL } from './storage-schema';

/** Items per chunk when the caller names none (a pipeline's step size is the usual choice). */
export const DEFAULT_ITEMS_PER_CHUNK = 500;

export interface SliceItem {
  index: number;
  item: WorkItem;
  outcome: ItemOutcome | null;
}

type Row = Record<string, SqlStorageValue>;

export class JobStore {
  private readonly chunks: ChunkStore;

  constructor(private readonly sql: SqlStorage) {
    this.chunks = new ChunkStore(sql);
  }

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

  /**
   * Stores the job's items in chunks of `itemsPerChunk` (the pipeline's step size, so a step reads and
   * writes one chunk), with any preset outcomes; the caller wraps this in transactionSync with the job row.
   */
  insertItems(
    items: readonly WorkItem[],
    presetOutcomes?: ReadonlyMap<number, ItemOutcome>,
    itemsPerChunk = DEFAULT_ITEMS_PER_CHUNK,
  ): void {
    const size = Math.max(1, Math.floor(itemsPerChunk));
    for (let start = 0; start < items.length; start += size) {
      const chunk = items.slice(start, start + size);
      this.chunks.write(CHUNK_KIND.ITEMS, start, chunk);
      const presets = chunk.map((_, i) => presetOutcomes?.get(start + i) ?? null);
      if (presets.some((outcome) => outcome !== null)) this.chunks.write(CHUNK_KIND.OUTCOMES, start, presets);
    }
  }

  /** Items [from, from + count) with their stored outcomes (null: not processed yet). */
  slice(from: number, count: number): SliceItem[] {
    const to = from + count;
    const outcomes = new Map(
      this.chunks.read<ItemOutcome | null>(CHUNK_KIND.OUTCOMES, from, to).map((c) => [c.start, c.values]),
    );
    const slice: SliceItem[] = [];
    for (const chunk of this.chunks.read<WorkItem>(CHUNK_KIND.ITEMS, from, to)) {
      chunk.values.forEach((item, i) => {
        const index = chunk.start + i;
        if (index >= from && index < to) slice.push({ index, item, outcome: outcomes.get(chunk.start)?.[i] ?? null });
      });
    }
    return slice;
  }

  /**
   * Writes a step's outcomes by item index: one row per chunk they fall in (one for a step over its
   * own chunk), so a retried step rewrites the same row. A chunk the step covers only in part keeps
   * its other stored outcomes.
   */
  writeOutcomes(outcomes: readonly StoredOutcome[]): void {
    if (outcomes.length === 0) return;
    const byIndex = new Map(outcomes.map((o) => [o.index, o.outcome]));
    const indexes = [...byIndex.keys()];
    const [first, last] = [Math.min(...indexes), Math.max(...indexes)];
    for (const { start, count } of this.chunks.layout(CHUNK_KIND.ITEMS, first, last + 1)) {
      const isCovered = Array.from({ length: count }, (_, i) => byIndex.has(start + i)).every(Boolean);
      const stored = isCovered
        ? undefined
        : this.chunks.read<ItemOutcome | null>(CHUNK_KIND.OUTCOMES, start, start + 1);
      const values = stored?.find((c) => c.start === start)?.values ?? Array<ItemOutcome | null>(count).fill(null);
      for (let i = 0; i < count; i++) values[i] = byIndex.get(start + i) ?? values[i] ?? null;
      this.chunks.write(CHUNK_KIND.OUTCOMES, start, values);
    }
  }

  /** Every stored outcome, in item order. */
  outcomes(): StoredOutcome[] {
    const stored: StoredOutcome[] = [];
    for (const chunk of this.chunks.read<ItemOutcome | null>(CHUNK_KIND.OUTCOMES, 0, Number.MAX_SAFE_INTEGER)) {
      chunk.values.forEach((outcome, i) => {
        if (outcome !== null) stored.push({ index: chunk.start + i, outcome });
      });
    }
    return stored;
  }

  /** Deletes the items and their outcomes; the job row records it (isResultsDeleted). */
  deleteResults(): void {
    this.sql.exec(SQL.deleteChunks);
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
