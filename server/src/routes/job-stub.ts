// How routes reach a job: its ProgressSocket Durable Object by idFromName(jobId), through the RPC
// surface of job-api.ts. RPC failures arrive as values and become HttpErrors here.
import { JobIdSchema } from '@bookstrack/generated/schemas';
import type { JobApi, JobResult } from '../durable/job-api';
import type { Env } from '../env';
import { HttpError } from '../http/http-error';
import { invalidRequest, toValidationIssues } from '../http/validate-request';

export function jobStub(env: Env, jobId: string): JobApi {
  // The namespace's typed stub exposes the same methods as JobApi over RPC.
  return env.PROGRESS_SOCKET.get(env.PROGRESS_SOCKET.idFromName(jobId)) as unknown as JobApi;
}

/** The value of a successful RPC call, or the call's contract error thrown as an HttpError. */
export function unwrap<T>(result: JobResult<T>): T {
  if (result.ok) return result.value;
  throw new HttpError(result.code, result.message, result.details);
}

// The spec's one JobId schema (spec/schemas/JobId.yaml), as every jobId field and parameter uses it.
const JOB_ID = JobIdSchema;

/** Validates a jobId taken from a path or query parameter. */
export function requireJobId(value: string | undefined, where: string): string {
  const result = JOB_ID.safeParse(value);
  if (result.success) return result.data;
  throw invalidRequest(
    `${where} is not a valid job id`,
    toValidationIssues(result.error).map((issue) => ({ ...issue, path: where })),
  );
}

/** A fresh job id for a new job. */
export function newJobId(): string {
  return crypto.randomUUID();
}
