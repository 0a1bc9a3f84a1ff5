// Builds server→client frames in the shared envelope {type, jobId, pipeline, seq, timestamp, version,
// payload}: one named builder per server message, and the encoder that, when VALIDATE_RESPONSES is
// on, checks each frame with the generated fast guard (ServerMessageSchema explains a reject).
import { CONTRACT_VERSION, MESSAGE_TYPE } from '@bookstrack/generated/constants';
import { isServerMessage } from '@bookstrack/generated/fast-validators';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import {
  ErrorPayloadSchema,
  ServerMessageSchema,
  type ErrorPayload,
  type JobSummary,
  type PipelineType,
  type ServerMessage,
} from '@bookstrack/generated/schemas';
import type { StepTrouble } from '../pipelines/step-trouble';
import type { JobSnapshot } from './job-snapshot';
import { toReconnectedPayload } from './job-view';
import { describeProgress, progressOf } from './job-state';

export type ServerMessageType = ServerMessage['type'];
export type ServerMessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;
export type PayloadOf<T extends ServerMessageType> = ServerMessageOf<T>['payload'];

export interface FrameJob {
  jobId: string;
  pipeline: PipelineType;
}

const RESULTS_OPERATION: Record<PipelineType, OperationId> = {
  csv_import: 'getCsvResults',
  batch_enrichment: 'getEnrichmentResults',
  ai_scan: 'getScanResults',
};

export function resultsUrlFor(pipeline: PipelineType, jobId: string): string {
  return OPERATIONS[RESULTS_OPERATION[pipeline]].path.replace('{jobId}', encodeURIComponent(jobId));
}

export function buildServerMessage<T extends ServerMessageType>(
  type: T,
  job: FrameJob,
  seq: number,
  now: number,
  payload: PayloadOf<T>,
): ServerMessageOf<T> {
  const message = {
    type,
    jobId: job.jobId,
    pipeline: job.pipeline,
    seq,
    timestamp: now,
    version: CONTRACT_VERSION,
    payload,
  };
  return message as unknown as ServerMessageOf<T>;
}

/** job_started: the first broadcast of a job. */
export function jobStartedMessage(job: JobSnapshot, seq: number, now: number): ServerMessage {
  const payload =
    job.estimatedDurationMs === null
      ? { totalCount: job.totalCount }
      : { totalCount: job.totalCount, estimatedDurationMs: job.estimatedDurationMs };
  return buildServerMessage(MESSAGE_TYPE.JOB_STARTED, job, seq, now, payload);
}

/** job_progress: the job's counts after a step; `currentItem` names the step's last item. */
export function jobProgressMessage(
  job: JobSnapshot,
  seq: number,
  now: number,
  isFinal: boolean,
  currentItem?: string,
): ServerMessage {
  const processedCount = Math.min(job.checkpoint, job.totalCount);
  return buildServerMessage(MESSAGE_TYPE.JOB_PROGRESS, job, seq, now, {
    progress: progressOf(processedCount, job.totalCount, isFinal ? 'completed' : job.status),
    processedCount,
    totalCount: job.totalCount,
    statusText: job.statusText ?? describeProgress(processedCount, job.totalCount),
    ...(currentItem ? { currentItem } : {}),
  });
}

/** job_complete: the summary only (under 1 KB); the pipeline adds its own counts in `extra`. */
export function jobCompleteMessage(
  job: JobSnapshot,
  seq: number,
  now: number,
  extra: Record<string, number>,
): ServerMessage {
  const summary: JobSummary = {
    totalProcessed: Math.min(job.checkpoint, job.totalCount),
    successCount: job.successCount,
    failureCount: job.failureCount,
    durationMs: now - (job.startedAt ?? job.createdAt),
  };
  return buildServerMessage(MESSAGE_TYPE.JOB_COMPLETE, job, seq, now, {
    summary,
    resultsUrl: resultsUrlFor(job.pipeline, job.jobId),
    expiresAt: new Date(job.resultsExpiresAt ?? now).toISOString(),
    ...extra,
  } as PayloadOf<typeof MESSAGE_TYPE.JOB_COMPLETE>);
}

/** error: a job failure or trouble the client should know about. */
export function errorMessage(job: JobSnapshot, seq: number, now: number, error: ErrorPayload): ServerMessage {
  return buildServerMessage(MESSAGE_TYPE.ERROR, job, seq, now, error);
}

const ERROR_MESSAGE_MAX_CHARS = ErrorPayloadSchema.shape.message.maxLength ?? Number.POSITIVE_INFINITY;

/** error, retryable: one step's provider trouble, summed up in one frame; the job goes on. */
export function stepTroubleMessage(job: JobSnapshot, seq: number, now: number, trouble: StepTrouble): ServerMessage {
  return errorMessage(job, seq, now, {
    code: trouble.code,
    message: trouble.message.slice(0, ERROR_MESSAGE_MAX_CHARS),
    retryable: true,
    details: { ...trouble.details, count: trouble.count, firstIndex: trouble.firstIndex },
  });
}

/** token_refreshed: the job's new token, pushed to every socket. */
export function tokenRefreshedMessage(
  job: FrameJob,
  seq: number,
  now: number,
  token: string,
  expiresAt: number,
): ServerMessage {
  return buildServerMessage(MESSAGE_TYPE.TOKEN_REFRESHED, job, seq, now, {
    token,
    expiresAt: new Date(expiresAt).toISOString(),
  });
}

/**
 * ready_ack: a reply to one socket. Per the spec it carries the job's last broadcast seq without
 * advancing it: advancing would show every other socket a gap that is not one.
 */
export function readyAckMessage(job: JobSnapshot, now: number, connectionCount: number): ServerMessage {
  return buildServerMessage(MESSAGE_TYPE.READY_ACK, job, job.seq, now, { connectionCount });
}

/** reconnected: the CURRENT state, to one socket, at the job's last broadcast seq. */
export function reconnectedMessage(job: JobSnapshot, now: number): ServerMessage {
  return buildServerMessage(MESSAGE_TYPE.RECONNECTED, job, job.seq, now, toReconnectedPayload(job));
}

/** Serialises a frame; with validation on, a frame that breaks the contract throws loudly. */
export function encodeServerMessage(message: ServerMessage, isValidating: boolean): string {
  if (isValidating && !isServerMessage(message as unknown)) {
    const result = ServerMessageSchema.safeParse(message);
    if (!result.success) {
      throw new Error(`Outbound ${message.type} frame breaks the contract: ${result.error.message}`);
    }
  }
  return JSON.stringify(message);
}
