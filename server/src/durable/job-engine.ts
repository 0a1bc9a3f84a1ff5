// Runs a job's steps for the ProgressSocket: loads the step's slice, awaits the pipeline, and hands
// the outcome and the step's provider trouble to the pure machine (jobs/job-machine.ts), whose
// transition the shell then applies.
import type { Clock } from '../clock';
import { beginStep, failJob, finishStep, type JobRules } from '../jobs/job-machine';
import type { JobSnapshot } from '../jobs/job-snapshot';
import type { EnginePipeline } from '../jobs/pipeline-registry';
import type { ItemOutcome, StoredOutcome } from '../pipelines/pipeline';
import { createTroubleLog, type TroubleLog } from '../pipelines/step-trouble';
import type { WorkerVars } from '../vars';
import { applyTransition, type EffectTargets } from './apply-effects';
import type { JobStore, SliceItem } from './job-store';

export interface EngineDeps {
  env: WorkerVars;
  clock: Clock;
  jobs: JobStore;
  rules: JobRules;
  targets: EffectTargets;
  resolve: (job: JobSnapshot) => EnginePipeline | undefined;
}

export class JobEngine {
  /** Aborts the step in flight when the job is canceled (memory only: a new instance has none). */
  private inFlight: AbortController | null = null;

  constructor(private readonly deps: EngineDeps) {}

  abortStep(): void {
    this.inFlight?.abort();
  }

  /** job_step timer: runs the next slice from the stored checkpoint, so a retry never redoes committed work. */
  async step(now: number): Promise<void> {
    const { jobs, rules, targets } = this.deps;
    const job = jobs.get();
    if (!job) return;
    const pipeline = this.deps.resolve(job);
    if (!pipeline)
      return applyTransition(targets, failJob(job, `pipeline ${job.pipeline} is not registered`, now, rules));
    const begun = beginStep(job, now);
    applyTransition(targets, begun);
    if (!begun.isRunnable) return;
    const running = begun.job ?? job;
    const slice = jobs.slice(running.checkpoint, pipeline.stepSize);
    // No stored items where the checkpoint says work remains (e.g. items stored by an older schema):
    // fail the job rather than re-arm an empty step for ever.
    if (slice.length === 0 && running.checkpoint < running.itemCount) {
      return applyTransition(targets, failJob(running, `no stored items at ${running.checkpoint}`, now, rules));
    }
    const trouble = createTroubleLog();
    const fresh = await this.run(pipeline, slice, trouble);
    // A cancel may have landed while the pipeline awaited: it wins, and this step commits nothing.
    const latest = jobs.get();
    if (!latest || latest.status !== 'running') return;
    if (fresh instanceof Error) return applyTransition(targets, failJob(latest, fresh.message, now, rules));
    const pending = slice.filter((s) => s.outcome === null).length;
    if (fresh.length !== pending) {
      return applyTransition(
        targets,
        failJob(latest, `runStep returned ${fresh.length} outcomes for ${pending} items`, now, rules),
      );
    }
    const outcomes = mergeOutcomes(slice, fresh);
    const last = slice[slice.length - 1];
    applyTransition(
      targets,
      finishStep(
        latest,
        {
          outcomes,
          currentItem: last ? pipeline.describeItem(last.item) : undefined,
          nextStepDelayMs: this.stepDelayMs(pipeline),
          summarize: () => pipeline.summarize?.(withOutcomes(jobs.outcomes(), outcomes)) ?? {},
          trouble: trouble.summary(),
        },
        now,
        rules,
      ),
    );
  }

  private async run(pipeline: EnginePipeline, slice: SliceItem[], trouble: TroubleLog): Promise<ItemOutcome[] | Error> {
    const pending = slice.filter((s) => s.outcome === null);
    if (pending.length === 0) return [];
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      return await pipeline.runStep(
        pending.map((s) => s.item),
        { env: this.deps.env, now: () => this.deps.clock.now(), signal: controller.signal, trouble },
      );
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      this.inFlight = null;
    }
  }

  private stepDelayMs(pipeline: EnginePipeline): number {
    const fromEnv = Number(this.deps.env.JOB_STEP_DELAY_MS ?? '0');
    return Math.max(Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 0, pipeline.minStepIntervalMs ?? 0);
  }
}

function mergeOutcomes(slice: readonly SliceItem[], fresh: readonly ItemOutcome[]): StoredOutcome[] {
  let next = 0;
  return slice.map((s) => {
    const outcome = s.outcome ?? fresh[next++];
    if (!outcome) throw new Error(`missing outcome for item ${s.index}`);
    return { index: s.index, outcome };
  });
}

/** Stored outcomes with this step's replacing any of the same index (a retried step). */
function withOutcomes(stored: readonly StoredOutcome[], step: readonly StoredOutcome[]): StoredOutcome[] {
  const byIndex = new Map(stored.map((o) => [o.index, o]));
  for (const o of step) byIndex.set(o.index, o);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}
