// The jobs engine: alarm-driven, checkpointed steps over stored items, and the job's terminal
// transitions (complete, fail, cancel) with their frames and closes.
import { CLOSE_CODES, CLOSE_REASONS, ERROR_CODE, LIMITS, MESSAGE_TYPE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { PipelineType } from '@bookstrack/generated/schemas';
import type { Env } from '../env';
import { describeProgress, isTerminal, progressOf } from '../jobs/job-state';
import type { EnginePipeline } from '../jobs/pipeline-registry';
import { resolvePipeline } from '../jobs/pipeline-registry';
import { shouldEmitProgress } from '../jobs/progress-coalescer';
import type { TokenPolicy } from '../jobs/token-policy';
import type { ItemOutcome, StoredOutcome } from '../pipelines/pipeline';
import type { JobRow, JobStore, SliceItem } from './job-store';
import type { SocketHub } from './socket-hub';
import { TIMER_KIND } from './storage-schema';
import type { TimerStore } from './timer-store';

const RESULTS_OPERATION: Record<PipelineType, keyof typeof OPERATIONS> = {
  csv_import: 'getCsvResults',
  batch_enrichment: 'getEnrichmentResults',
  ai_scan: 'getScanResults',
};
const STATUS_TEXT_MAX_CHARS = 200;

export function resultsUrlFor(pipeline: PipelineType, jobId: string): string {
  return OPERATIONS[RESULTS_OPERATION[pipeline]].path.replace('{jobId}', encodeURIComponent(jobId));
}

export class JobEngine {
  /** Aborts the step in flight when the job is canceled (memory only: a new instance has none). */
  private inFlight: AbortController | null = null;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly env: Env,
    private readonly jobs: JobStore,
    private readonly timers: TimerStore,
    private readonly hub: SocketHub,
    private readonly policy: TokenPolicy,
  ) {}

  pipelineOf(job: JobRow): EnginePipeline | undefined {
    return resolvePipeline(job.pipeline, this.env);
  }

  /** job_step timer: runs the next slice from the stored checkpoint, so a retry never redoes committed work. */
  async step(now: number): Promise<void> {
    const job = this.jobs.get();
    if (!job || isTerminal(job.status)) return;
    const pipeline = this.pipelineOf(job);
    if (!pipeline) return this.fail(new Error(`pipeline ${job.pipeline} is not registered`), now);
    if (job.status === 'queued') {
      this.jobs.markStarted(now);
      const payload = job.estimatedDurationMs === null
        ? { totalCount: job.totalCount }
        : { totalCount: job.totalCount, estimatedDurationMs: job.estimatedDurationMs };
      this.hub.broadcast(MESSAGE_TYPE.JOB_STARTED, payload, now, true);
    }
    const slice = this.jobs.slice(job.checkpoint, pipeline.stepSize);
    const pending = slice.filter((s) => s.outcome === null);
    let fresh: ItemOutcome[];
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      fresh = pending.length === 0 ? [] : await pipeline.runStep(pending.map((s) => s.item), {
        env: this.env,
        now: () => Date.now(),
        signal: controller.signal,
      });
    } catch (error) {
      if (this.jobs.get()?.status === 'running') this.fail(error, Date.now());
      return;
    } finally {
      this.inFlight = null;
    }
    // A cancel may have landed while the pipeline awaited: it wins, and this step commits nothing.
    if (this.jobs.get()?.status !== 'running') return;
    if (fresh.length !== pending.length) {
      return this.fail(new Error(`runStep returned ${fresh.length} outcomes for ${pending.length} items`), now);
    }
    this.commit(job, pipeline, slice, mergeOutcomes(slice, fresh), Date.now());
  }

  private commit(job: JobRow, pipeline: EnginePipeline, slice: SliceItem[], outcomes: StoredOutcome[], now: number): void {
    const checkpoint = job.checkpoint + slice.length;
    const processed = Math.min(checkpoint, job.totalCount);
    const statusText = describeProgress(processed, job.totalCount);
    const isDone = checkpoint >= job.itemCount;
    this.storage.transactionSync(() => {
      this.jobs.commitStep(outcomes, checkpoint, statusText, now);
      if (!isDone) this.timers.schedule(TIMER_KIND.JOB_STEP, now + this.stepDelayMs(pipeline));
    });
    if (shouldEmitProgress(job.lastProgressAt, now, LIMITS.WS_MAX_PROGRESS_PER_SECOND, isDone)) {
      // The step's own last item: re-reading it could mean joining a multi-megabyte item again.
      const last = slice[slice.length - 1];
      const currentItem = last ? pipeline.describeItem(last.item).slice(0, STATUS_TEXT_MAX_CHARS) : undefined;
      const payload = {
        progress: progressOf(processed, job.totalCount, isDone ? 'completed' : 'running'),
        processedCount: processed,
        totalCount: job.totalCount,
        status: statusText,
        ...(currentItem ? { currentItem } : {}),
      };
      this.hub.broadcast(MESSAGE_TYPE.JOB_PROGRESS, payload, now, true);
      this.jobs.markProgressSent(now);
    }
    if (isDone) this.complete(pipeline, now);
  }

  private complete(pipeline: EnginePipeline, now: number): void {
    const job = this.jobs.get();
    if (!job) return;
    const resultsExpiresAt = now + this.policy.resultsRetentionMs;
    const extra = pipeline.summarize ? pipeline.summarize(this.jobs.outcomes()) : {};
    const text = this.hub.frame(MESSAGE_TYPE.JOB_COMPLETE, {
      summary: {
        totalProcessed: Math.min(job.checkpoint, job.totalCount),
        successCount: job.successCount,
        failureCount: job.failureCount,
        durationMs: now - (job.startedAt ?? job.createdAt),
      },
      resultsUrl: resultsUrlFor(job.pipeline, job.jobId),
      expiresAt: new Date(resultsExpiresAt).toISOString(),
      ...extra,
    }, now);
    this.storage.transactionSync(() => {
      this.jobs.markCompleted(now, resultsExpiresAt, text);
      this.timers.cancelKind(TIMER_KIND.JOB_STEP);
      this.timers.schedule(TIMER_KIND.RESULTS_EXPIRY, resultsExpiresAt);
      this.timers.schedule(TIMER_KIND.CLEANUP, resultsExpiresAt + this.policy.revocationMs);
    });
    // Every socket gets the final frame, ready or not: it is about to be closed, and a late socket
    // would get the same frame replayed.
    this.hub.broadcastText(text, false);
    this.hub.closeAll(CLOSE_CODES.NORMAL_CLOSURE, CLOSE_REASONS.JOB_COMPLETE);
  }

  /** A pipeline that throws fails the job: `error` frame, then close INTERNAL_ERROR with reason JOB_FAILED. */
  fail(error: unknown, now: number): void {
    const job = this.jobs.get();
    if (!job || isTerminal(job.status)) return;
    const detail = error instanceof Error ? error.message : String(error);
    const message = `The ${job.pipeline} job failed: ${detail}`.slice(0, STATUS_TEXT_MAX_CHARS);
    console.error(`[${job.jobId}] ${message}`);
    const text = this.hub.frame(MESSAGE_TYPE.ERROR, { code: ERROR_CODE.INTERNAL_ERROR, message, retryable: false }, now);
    this.endJob('failed', message, text, now);
    this.hub.broadcastText(text, false);
    this.hub.closeAll(CLOSE_CODES.INTERNAL_ERROR, CLOSE_REASONS.JOB_FAILED);
  }

  /** Cancel (RPC or WS): idempotent; a step in flight commits nothing. */
  cancel(now: number): 'canceled' | 'already_canceled' | 'finished' | 'missing' {
    const job = this.jobs.get();
    if (!job) return 'missing';
    if (job.status === 'canceled') return 'already_canceled';
    if (isTerminal(job.status)) return 'finished';
    this.endJob('canceled', 'Canceled', null, now);
    this.inFlight?.abort();
    this.hub.closeAll(CLOSE_CODES.GOING_AWAY, CLOSE_REASONS.JOB_CANCELED);
    return 'canceled';
  }

  /** results_expiry timer: results go; reads check the stored expiry as well. */
  onResultsExpiry(now: number): void {
    const job = this.jobs.get();
    if (job?.resultsExpiresAt !== null && job?.resultsExpiresAt !== undefined && now >= job.resultsExpiresAt) {
      this.jobs.deleteResults();
    }
  }

  private endJob(status: 'failed' | 'canceled', statusText: string, finalFrame: string | null, now: number): void {
    this.storage.transactionSync(() => {
      this.jobs.markEnded(status, statusText, now, finalFrame);
      this.timers.cancelKind(TIMER_KIND.JOB_STEP);
      this.timers.schedule(TIMER_KIND.CLEANUP, now + this.policy.resultsRetentionMs + this.policy.revocationMs);
    });
  }

  private stepDelayMs(pipeline: EnginePipeline): number {
    const fromEnv = Number(this.env.JOB_STEP_DELAY_MS ?? '0');
    return Math.max(Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 0, pipeline.minStepIntervalMs ?? 0);
  }
}

function mergeOutcomes(slice: { index: number; outcome: ItemOutcome | null }[], fresh: ItemOutcome[]): StoredOutcome[] {
  let next = 0;
  return slice.map((s) => {
    const outcome = s.outcome ?? fresh[next++];
    if (!outcome) throw new Error(`missing outcome for item ${s.index}`);
    return { index: s.index, outcome };
  });
}
