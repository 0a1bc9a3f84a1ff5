// The job as the pure machine sees it: one value holding everything the job's rules read, stored
// as the job row of its Durable Object (durable/job-store.ts) and written back whole after a change.
import type { JobStatus, PipelineType, ServerMessage } from '@bookstrack/generated/schemas';

export interface JobSnapshot {
  jobId: string;
  pipeline: PipelineType;
  status: JobStatus;
  totalCount: number;
  itemCount: number;
  /** Index of the next item to process: the step checkpoint. */
  checkpoint: number;
  successCount: number;
  failureCount: number;
  /** The seq of the job's last broadcast frame (0 before the first). */
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
  /** The terminal frame (job_complete or error), replayed to a socket that connects late. */
  finalMessage: ServerMessage | null;
}
