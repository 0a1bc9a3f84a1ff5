// The ProgressSocket's log lines: one line per lifecycle event, prefixed with the job id, never a
// token (rules build the messages; wrangler tail shows them).
import type { JobStore } from './job-store';

export function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function logForJob(jobs: JobStore, message: string, isFailure = false): void {
  // Logging must not throw where storage already failed.
  const jobId = safely(() => jobs.get()?.jobId) ?? 'no-job';
  if (isFailure) console.error(`[${jobId}] ${message}`);
  else console.log(`[${jobId}] ${message}`);
}
