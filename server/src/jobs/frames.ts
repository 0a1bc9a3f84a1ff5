// Builds server→client frames in the shared envelope {type, jobId, pipeline, seq, timestamp, version,
// payload} and, when VALIDATE_RESPONSES is on, checks each against the generated ServerMessageSchema.
import { CONTRACT_VERSION } from '@bookstrack/generated/constants';
import { ServerMessageSchema, type PipelineType, type ServerMessage } from '@bookstrack/generated/schemas';

export type ServerMessageType = ServerMessage['type'];
export type ServerMessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;
export type PayloadOf<T extends ServerMessageType> = ServerMessageOf<T>['payload'];

export interface FrameJob {
  jobId: string;
  pipeline: PipelineType;
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

/** Serialises a frame; with validation on, a frame that breaks the contract throws loudly. */
export function encodeServerMessage(message: ServerMessage, isValidating: boolean): string {
  if (isValidating) {
    const result = ServerMessageSchema.safeParse(message);
    if (!result.success) {
      throw new Error(`Outbound ${message.type} frame breaks the contract: ${result.error.message}`);
    }
  }
  return JSON.stringify(message);
}
