// The RPC surface of the ProgressSocket Durable Object, as seen by the Worker's routes.
// Results cross RPC as plain data: errors are values (Workers RPC drops custom error fields).
import type {
  CancelResult,
  ErrorCode,
  JobState,
  PipelineType,
  TokenRefreshResult,
} from '@bookstrack/generated/schemas';
import type { JobInput, PipelineResults } from '../pipelines/pipeline';

export type { JobInput, PipelineResults };

export interface StartJobRequest {
  jobId: string;
  input: JobInput;
}

export interface StartedJob {
  jobId: string;
  pipeline: PipelineType;
  token: string;
  /** ISO-8601 */
  expiresAt: string;
  totalCount: number;
}

export interface JobFailure {
  ok: false;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type JobResult<T> = { ok: true; value: T } | JobFailure;

/** Methods the Worker calls on `env.PROGRESS_SOCKET.get(idFromName(jobId))`. */
export interface JobApi {
  startJob(request: StartJobRequest): Promise<JobResult<StartedJob>>;
  getState(token: string): Promise<JobResult<JobState>>;
  cancel(token: string): Promise<JobResult<CancelResult>>;
  refreshToken(oldToken: string): Promise<JobResult<TokenRefreshResult>>;
  getResults(token: string, pipeline: PipelineType): Promise<JobResult<PipelineResults>>;
}

export function ok<T>(value: T): JobResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): JobFailure {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}
