// Read models of a stored job: the JobState snapshot and the `reconnected` payload (the CURRENT
// state, never the initial one).
import type { JobState, ReconnectedPayload } from '@bookstrack/generated/schemas';
import type { JobSnapshot } from './job-snapshot';
import { progressOf } from './job-state';

const iso = (ms: number) => new Date(ms).toISOString();

export function toJobState(job: JobSnapshot, tokenExpiresAt: number): JobState {
  const processedCount = Math.min(job.checkpoint, job.totalCount);
  return {
    jobId: job.jobId,
    pipeline: job.pipeline,
    status: job.status,
    progress: progressOf(processedCount, job.totalCount, job.status),
    processedCount,
    totalCount: job.totalCount,
    ...(job.estimatedDurationMs !== null ? { estimatedDurationMs: job.estimatedDurationMs } : {}),
    successCount: job.successCount,
    failureCount: job.failureCount,
    ...(job.statusText !== null ? { statusText: job.statusText } : {}),
    lastSeq: job.seq,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    ...(job.startedAt !== null ? { startedAt: iso(job.startedAt) } : {}),
    ...(job.completedAt !== null ? { completedAt: iso(job.completedAt) } : {}),
    ...(job.resultsExpiresAt !== null ? { resultsExpiresAt: iso(job.resultsExpiresAt) } : {}),
    tokenExpiresAt: iso(tokenExpiresAt),
  };
}

export function toReconnectedPayload(job: JobSnapshot): ReconnectedPayload {
  const processedCount = Math.min(job.checkpoint, job.totalCount);
  return {
    progress: progressOf(processedCount, job.totalCount, job.status),
    processedCount,
    totalCount: job.totalCount,
    ...(job.estimatedDurationMs !== null ? { estimatedDurationMs: job.estimatedDurationMs } : {}),
    status: job.status,
    ...(job.statusText !== null ? { statusText: job.statusText } : {}),
    lastSeq: job.seq,
    lastUpdate: job.updatedAt,
  };
}
