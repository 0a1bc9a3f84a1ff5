// The contract between the jobs engine (ProgressSocket) and a pipeline: plan once, then run
// checkpointed steps over stored items. Pipelines are pure of storage and sockets.
import type {
  ApiError,
  BookQuery,
  ErrorCode,
  CsvResults,
  EnrichmentResults,
  PipelineType,
  ScanImage,
  ScanResults,
} from '@bookstrack/generated/schemas';
import type { WorkerVars } from '../vars';
import type { TroubleLog } from './step-trouble';

/** What a start route hands the job's Durable Object: the validated request, tagged by pipeline. */
export type JobInput =
  | { pipeline: 'csv_import'; csv: string }
  | { pipeline: 'batch_enrichment'; books: BookQuery[] }
  | { pipeline: 'ai_scan'; images: ScanImage[] };

export type PipelineResults = CsvResults | EnrichmentResults | ScanResults;

/** One unit of work, stored by the engine as JSON (split over several rows when over 1 MB). */
export type WorkItem = Record<string, unknown>;

/** The outcome of one item; stored by the engine under the item's index (idempotent on retry). */
export type ItemOutcome =
  { ok: true; value: Record<string, unknown> } | { ok: false; error: ApiError; value?: Record<string, unknown> };

export interface PlannedJob {
  items: WorkItem[];
  /** Outcomes known at plan time (e.g. CSV rows that failed to parse), by item index. */
  presetOutcomes?: Map<number, ItemOutcome>;
  totalCount: number;
  estimatedDurationMs?: number;
}

export interface StepContext {
  env: WorkerVars;
  now: () => number;
  /** Aborted when the job is canceled mid-step. */
  signal: AbortSignal;
  /** Collects the step's transient provider failures; the engine reports them as one retryable frame. */
  trouble: TroubleLog;
}

export interface StoredOutcome {
  index: number;
  outcome: ItemOutcome;
}

/** A job input the contract refuses (a code and details for the 4XX), found before any work is stored. */
export class JobInputError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'JobInputError';
  }
}

export interface Pipeline {
  readonly type: PipelineType;
  /** Items processed per alarm-driven step. */
  readonly stepSize: number;
  /** Minimum spacing of steps (e.g. a provider's rate limit); JOB_STEP_DELAY_MS may add more. */
  readonly minStepIntervalMs?: number;
  plan(input: JobInput, env: WorkerVars): Promise<PlannedJob> | PlannedJob;
  /** Processes a slice of items; returns one outcome per item, in order. */
  runStep(items: WorkItem[], ctx: StepContext): Promise<ItemOutcome[]>;
  /** Human text for job_progress.status / currentItem. */
  describeItem(item: WorkItem): string;
  /** Builds the results document (without expiresAt, which the engine adds). */
  buildResults(outcomes: StoredOutcome[]): Omit<PipelineResults, 'expiresAt'>;
  /** Extra job_complete payload fields (ai_scan: totalDetected, approved, needsReview). */
  summarize?(outcomes: StoredOutcome[]): Record<string, number>;
}
