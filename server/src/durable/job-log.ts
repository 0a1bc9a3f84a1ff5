// The ProgressSocket's log: one JSON line per lifecycle event, `{event, jobId, ...detail}`, never a
// token, so `wrangler tail --format json` answers the runbook's questions (see the README).
import type { LifecycleEvent, LogDetail } from '../jobs/job-effects';
import type { JobStore } from './job-store';

export function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function logForJob(jobs: JobStore, event: LifecycleEvent, detail: LogDetail = {}, isFailure = false): void {
  // Logging must not throw where storage already failed.
  const jobId = safely(() => jobs.get()?.jobId) ?? 'no-job';
  const line = JSON.stringify({ event, jobId, ...detail });
  if (isFailure) console.error(line);
  else console.log(line);
}
