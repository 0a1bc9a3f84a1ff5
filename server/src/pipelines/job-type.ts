// One descriptor per job type: its operations, request forms, the checks beyond the request schema
// (run once, by the start route), the 202 body, and the engine's pipeline. routes/job-routes.ts mounts
// every start and results route from the table in jobs/pipeline-registry.ts.
import type { OperationId } from '@bookstrack/generated/operations';
import type { JobInput, Pipeline } from './pipeline';

/** The batch array of a request and its documented size limits (EMPTY_BATCH, BATCH_TOO_LARGE). */
export interface BatchLimit {
  field: string;
  max: number;
  noun: string;
}

/** Request forms besides JSON that carry the one string the JSON form names `field`. */
export interface TextForms {
  field: string;
  maxBytes: number;
  /** A body of this media type is the string itself. */
  textMediaType?: string;
  /** A multipart/form-data body carries the string as this file field. */
  multipartFileField?: string;
}

/** What the start route knows once the Durable Object accepted the job. */
export interface StartedJobInfo {
  jobId: string;
  token: string;
  expiresAt: string;
}

export interface JobType<TBody = unknown, TAccepted = unknown> {
  readonly pipeline: Pipeline;
  readonly startOperationId: OperationId;
  readonly resultsOperationId: OperationId;
  readonly batch?: BatchLimit;
  readonly textForms?: TextForms;
  /** The job id a client chose, when the request may carry one. */
  jobIdOf?(body: TBody): string | undefined;
  /** The job input of a schema-valid request; throws JobInputError for what the schema cannot say. */
  toInput(body: TBody): JobInput;
  /** The 202 body. */
  accepted(started: StartedJobInfo, input: JobInput): TAccepted;
}
