// The pure job machine: each rule takes the job, its input and `now`, and returns the job after the
// transition plus the effects the Durable Object must apply (rows to write, frames to send, timers
// to arm, sockets to close). It is the only place that moves a job from one status to another.
import { CLOSE_CODES, CLOSE_REASONS, ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import type { JobStatus, PipelineType, ServerMessage } from '@bookstrack/generated/schemas';
import type { StoredOutcome } from '../pipelines/pipeline';
import type { StepTrouble } from '../pipelines/step-trouble';
import { errorMessage, jobCompleteMessage, jobProgressMessage, jobStartedMessage, stepTroubleMessage } from './frames';
import { NO_CHANGE, type JobEffect, type Transition } from './job-effects';
import type { JobSnapshot } from './job-snapshot';
import { canTransition, describeProgress, isTerminal } from './job-state';
import { shouldEmitProgress } from './progress-coalescer';
import { TIMER_KIND } from './timers';

/** The policy values the machine reads (token policy and the spec's limits). */
export interface JobRules {
  resultsRetentionMs: number;
  /** How long the token current at the job's end stays valid for reading it. */
  finishedTokenLifetimeMs: number;
  revocationMs: number;
  maxProgressPerSecond: number;
  /** How long a new job waits for its first `ready` before it starts anyway (x-limits startDeadlineMs). */
  startDeadlineMs: number;
}

export const STATUS_TEXT_MAX_CHARS = 200;

export interface NewJob {
  jobId: string;
  pipeline: PipelineType;
  totalCount: number;
  itemCount: number;
  estimatedDurationMs?: number;
}

export interface StepResult {
  /** One outcome per item of the step's slice, stored ones included (a retried step rewrites them). */
  outcomes: readonly StoredOutcome[];
  /** Human text naming the step's last item, for job_progress.currentItem. */
  currentItem?: string;
  /** Delay before the next step (JOB_STEP_DELAY_MS, a pipeline's minimum spacing). */
  nextStepDelayMs: number;
  /** The pipeline's extra job_complete counts, over every outcome; read only when the job completes. */
  summarize: () => Record<string, number>;
  /** The step's provider trouble, already coalesced: it becomes one retryable `error` frame. */
  trouble?: StepTrouble;
}

export type CancelOutcome = 'canceled' | 'already_canceled' | 'finished';

export class IllegalTransitionError extends Error {
  constructor(from: JobStatus, to: JobStatus) {
    super(`a ${from} job cannot become ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

function moveTo(job: JobSnapshot, status: JobStatus, now: number): JobSnapshot {
  if (!canTransition(job.status, status)) throw new IllegalTransitionError(job.status, status);
  return { ...job, status, updatedAt: now };
}

/** The next broadcast frame: it takes the job's next seq. */
function sequenced(job: JobSnapshot, build: (seq: number) => ServerMessage): [JobSnapshot, ServerMessage] {
  const seq = job.seq + 1;
  return [{ ...job, seq }, build(seq)];
}

function cleanupAt(now: number, rules: JobRules): number {
  return now + rules.resultsRetentionMs + rules.revocationMs;
}

/** At a job's end its current token becomes the key to the finished job, for the results' lifetime. */
function keepTokenForReading(now: number, rules: JobRules): JobEffect[] {
  const until = now + rules.finishedTokenLifetimeMs;
  return [
    { kind: 'extend_token', until },
    { kind: 'arm', timer: TIMER_KIND.TOKEN_EXPIRY, at: until },
  ];
}

/**
 * A new job, queued: it starts at its first `ready` (startOnReady) or, when no client says ready,
 * at the start deadline, so a prompt client sees job_started as seq 1 and every progress frame.
 */
export function createJob(init: NewJob, now: number, rules: JobRules): Transition & { job: JobSnapshot } {
  const job: JobSnapshot = {
    ...init,
    status: 'queued',
    estimatedDurationMs: init.estimatedDurationMs ?? null,
    checkpoint: 0,
    successCount: 0,
    failureCount: 0,
    seq: 0,
    statusText: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    completedAt: null,
    resultsExpiresAt: null,
    isResultsDeleted: false,
    lastProgressAt: null,
    finalMessage: null,
  };
  return { job, effects: [{ kind: 'arm', timer: TIMER_KIND.JOB_STEP, at: now + rules.startDeadlineMs }] };
}

/** queued → running: job_started (seq 1) to every socket that said `ready`. */
function start(job: JobSnapshot, now: number, trigger: 'client' | 'deadline'): Transition & { job: JobSnapshot } {
  const [started, message] = sequenced({ ...moveTo(job, 'running', now), startedAt: now }, (seq) =>
    jobStartedMessage(job, seq, now),
  );
  const log: JobEffect = { kind: 'log', event: 'job.started', detail: { totalCount: job.totalCount, trigger } };
  return { job: started, effects: [log, { kind: 'broadcast', message, isReadyOnly: true }] };
}

/**
 * A socket said `ready`: a queued job starts now (its first step is due at once); any other job is
 * unchanged (the socket gets `reconnected` instead). The shell marks the socket ready first, so it
 * gets this job_started.
 */
export function startOnReady(job: JobSnapshot, now: number): Transition & { isStarted: boolean } {
  if (job.status !== 'queued') return { ...NO_CHANGE, isStarted: false };
  const started = start(job, now, 'client');
  return {
    job: started.job,
    effects: [...started.effects, { kind: 'arm', timer: TIMER_KIND.JOB_STEP, at: now }],
    isStarted: true,
  };
}

/** Before a step's work: a job still queued at its start deadline starts now; a finished job runs nothing. */
export function beginStep(job: JobSnapshot, now: number): Transition & { isRunnable: boolean } {
  if (isTerminal(job.status)) return { ...NO_CHANGE, isRunnable: false };
  if (job.status === 'running') return { ...NO_CHANGE, isRunnable: true };
  return { ...start(job, now, 'deadline'), isRunnable: true };
}

/**
 * A step's provider trouble as one retryable `error` broadcast at the next seq, ahead of the step's
 * progress. Never coalesced with progress (one per step is its limit); live, like progress.
 */
function troubleBroadcast(job: JobSnapshot, trouble: StepTrouble, now: number): [JobSnapshot, JobEffect] {
  const [next, message] = sequenced(job, (seq) => stepTroubleMessage(job, seq, now, trouble));
  return [next, { kind: 'broadcast', message, isReadyOnly: true }];
}

/** After a step's work: store its outcomes, advance the checkpoint, report trouble and progress, maybe complete. */
export function finishStep(job: JobSnapshot, step: StepResult, now: number, rules: JobRules): Transition {
  if (job.status !== 'running') return NO_CHANGE;
  const successes = step.outcomes.filter(({ outcome }) => outcome.ok).length;
  const checkpoint = job.checkpoint + step.outcomes.length;
  const isDone = checkpoint >= job.itemCount;
  let next: JobSnapshot = {
    ...job,
    checkpoint,
    successCount: job.successCount + successes,
    failureCount: job.failureCount + step.outcomes.length - successes,
    statusText: describeProgress(Math.min(checkpoint, job.totalCount), job.totalCount),
    updatedAt: now,
  };
  const effects: JobEffect[] = [{ kind: 'write_outcomes', outcomes: step.outcomes }];
  if (!isDone) effects.push({ kind: 'arm', timer: TIMER_KIND.JOB_STEP, at: now + step.nextStepDelayMs });
  if (step.trouble) {
    const [troubled, broadcast] = troubleBroadcast(next, step.trouble, now);
    next = troubled;
    effects.push(broadcast);
  }
  if (shouldEmitProgress(job.lastProgressAt, now, rules.maxProgressPerSecond, isDone)) {
    const currentItem = step.currentItem?.slice(0, STATUS_TEXT_MAX_CHARS);
    const [progressed, message] = sequenced(next, (seq) => jobProgressMessage(next, seq, now, isDone, currentItem));
    next = { ...progressed, lastProgressAt: now };
    effects.push({ kind: 'broadcast', message, isReadyOnly: true });
  }
  if (!isDone) return { job: next, effects };
  const completed = completeJob(next, step.summarize(), now, rules);
  return { job: completed.job, effects: [...effects, ...completed.effects] };
}

function completeJob(
  job: JobSnapshot,
  extra: Record<string, number>,
  now: number,
  rules: JobRules,
): Transition & { job: JobSnapshot } {
  const resultsExpiresAt = now + rules.resultsRetentionMs;
  const ending = { ...moveTo(job, 'completed', now), completedAt: now, resultsExpiresAt };
  const [completed, message] = sequenced(ending, (seq) => jobCompleteMessage(ending, seq, now, extra));
  return {
    job: { ...completed, finalMessage: message },
    effects: [
      { kind: 'disarm', timer: TIMER_KIND.JOB_STEP },
      { kind: 'arm', timer: TIMER_KIND.RESULTS_EXPIRY, at: resultsExpiresAt },
      { kind: 'arm', timer: TIMER_KIND.CLEANUP, at: resultsExpiresAt + rules.revocationMs },
      ...keepTokenForReading(now, rules),
      {
        kind: 'log',
        event: 'job.completed',
        detail: {
          successCount: job.successCount,
          failureCount: job.failureCount,
          durationMs: now - (job.startedAt ?? job.createdAt),
        },
      },
      // Every socket gets the final frame, ready or not: it is about to be closed, and a late
      // socket would get the same frame replayed.
      { kind: 'broadcast', message, isReadyOnly: false },
      { kind: 'close_all', code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE },
    ],
  };
}

/** A pipeline that throws fails the job: `error` frame, then close INTERNAL_ERROR with reason JOB_FAILED. */
export function failJob(job: JobSnapshot, detail: string, now: number, rules: JobRules): Transition {
  if (isTerminal(job.status)) return NO_CHANGE;
  const text = `The ${job.pipeline} job failed: ${detail}`.slice(0, STATUS_TEXT_MAX_CHARS);
  const ending = { ...moveTo(job, 'failed', now), statusText: text };
  const error = { code: ERROR_CODE.INTERNAL_ERROR, message: text, retryable: false };
  const [failed, message] = sequenced(ending, (seq) => errorMessage(ending, seq, now, error));
  return {
    job: { ...failed, finalMessage: message },
    effects: [
      { kind: 'disarm', timer: TIMER_KIND.JOB_STEP },
      { kind: 'arm', timer: TIMER_KIND.CLEANUP, at: cleanupAt(now, rules) },
      ...keepTokenForReading(now, rules),
      { kind: 'log', event: 'job.failed', detail: { reason: text }, isFailure: true },
      { kind: 'broadcast', message, isReadyOnly: false },
      { kind: 'close_all', code: CLOSE_CODES.INTERNAL_ERROR, reason: CLOSE_REASONS.JOB_FAILED },
    ],
  };
}

/** Cancel (HTTP or WebSocket): idempotent; a step in flight is aborted and commits nothing. */
export function cancelJob(job: JobSnapshot, now: number, rules: JobRules): Transition & { outcome: CancelOutcome } {
  if (job.status === 'canceled') return { ...NO_CHANGE, outcome: 'already_canceled' };
  if (isTerminal(job.status)) return { ...NO_CHANGE, outcome: 'finished' };
  return {
    outcome: 'canceled',
    job: { ...moveTo(job, 'canceled', now), statusText: 'Canceled', finalMessage: null },
    effects: [
      { kind: 'disarm', timer: TIMER_KIND.JOB_STEP },
      { kind: 'arm', timer: TIMER_KIND.CLEANUP, at: cleanupAt(now, rules) },
      ...keepTokenForReading(now, rules),
      { kind: 'abort_step' },
      { kind: 'log', event: 'job.canceled' },
      { kind: 'close_all', code: CLOSE_CODES.GOING_AWAY, reason: CLOSE_REASONS.JOB_CANCELED },
    ],
  };
}

/** results_expiry timer: the results go; reads check the stored expiry as well. */
export function expireResults(job: JobSnapshot, now: number): Transition {
  if (job.resultsExpiresAt === null || now < job.resultsExpiresAt || job.isResultsDeleted) return NO_CHANGE;
  return { job: { ...job, isResultsDeleted: true }, effects: [{ kind: 'delete_results' }] };
}

/** The default machine rules from the token policy and the spec's limits. */
export function jobRulesFrom(policy: {
  resultsRetentionMs: number;
  finishedLifetimeMs: number;
  revocationMs: number;
}): JobRules {
  return {
    resultsRetentionMs: policy.resultsRetentionMs,
    finishedTokenLifetimeMs: policy.finishedLifetimeMs,
    revocationMs: policy.revocationMs,
    maxProgressPerSecond: LIMITS.WS_MAX_PROGRESS_PER_SECOND,
    startDeadlineMs: LIMITS.WS_START_DEADLINE_MS,
  };
}
