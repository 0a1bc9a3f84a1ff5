// Job status transitions and derived progress: the only place that says which status may follow which.
import { TERMINAL_JOB_STATUSES } from '@bookstrack/generated/constants';
import type { JobStatus } from '@bookstrack/generated/schemas';

const NEXT_STATUSES: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['running', 'canceled', 'failed'],
  running: ['completed', 'canceled', 'failed'],
  completed: [],
  failed: [],
  canceled: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** A terminal job (the spec's x-terminal statuses) runs no more steps and sends no more live frames. */
export function isTerminal(status: JobStatus): boolean {
  return (TERMINAL_JOB_STATUSES as readonly JobStatus[]).includes(status);
}

/** Fraction done in 0..1; an empty job counts as done only once it completed. */
export function progressOf(processedCount: number, totalCount: number, status: JobStatus): number {
  if (totalCount <= 0) return status === 'completed' ? 1 : 0;
  return Math.min(1, Math.max(0, processedCount / totalCount));
}

/** Human status line: `statusText` of job_progress, reconnected and JobState. */
export function describeProgress(processedCount: number, totalCount: number): string {
  return `Processed ${processedCount} of ${totalCount}`;
}
