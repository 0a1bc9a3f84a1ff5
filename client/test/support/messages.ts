// Valid server frames for tests, built from the generated types so a contract change breaks them loudly.
import { CONTRACT_VERSION } from '@bookstrack/generated/constants';
import type { JobState, ServerMessage } from '@bookstrack/generated/schemas';

export const JOB_ID = 'job_test_0001';
export const TOKEN = '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b';
export const NEW_TOKEN = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const envelope = {
  jobId: JOB_ID,
  pipeline: 'csv_import',
  timestamp: 1_764_000_000_000,
  version: CONTRACT_VERSION,
} as const;

export function readyAck(seq: number): ServerMessage {
  return { ...envelope, type: 'ready_ack', seq, payload: { connectionCount: 1 } };
}

export function jobStarted(seq: number): ServerMessage {
  return { ...envelope, type: 'job_started', seq, payload: { totalCount: 4 } };
}

export function jobProgress(seq: number, processedCount: number): ServerMessage {
  return {
    ...envelope,
    type: 'job_progress',
    seq,
    payload: {
      progress: processedCount / 4,
      processedCount,
      totalCount: 4,
      statusText: `Parsed ${processedCount} of 4 rows`,
    },
  };
}

export function reconnected(seq: number, processedCount: number): ServerMessage {
  return {
    ...envelope,
    type: 'reconnected',
    seq,
    payload: {
      progress: processedCount / 4,
      processedCount,
      totalCount: 4,
      status: 'running',
      lastSeq: seq,
      lastUpdate: 1_764_000_000_000,
    },
  };
}

export function tokenRefreshed(seq: number, token: string): ServerMessage {
  return { ...envelope, type: 'token_refreshed', seq, payload: { token, expiresAt: '2026-11-27T16:00:00Z' } };
}

export function jobComplete(seq: number): ServerMessage {
  return {
    ...envelope,
    type: 'job_complete',
    seq,
    payload: {
      summary: { totalProcessed: 4, successCount: 3, failureCount: 1, durationMs: 1200 },
      resultsUrl: `/v1/csv/results/${JOB_ID}`,
      expiresAt: '2026-11-28T14:00:00Z',
    },
  };
}

export function jobState(status: JobState['status'], lastSeq = 5): JobState {
  return {
    jobId: JOB_ID,
    pipeline: 'csv_import',
    status,
    progress: 0.5,
    processedCount: 2,
    totalCount: 4,
    successCount: 2,
    failureCount: 0,
    lastSeq,
    createdAt: '2026-11-27T14:00:00Z',
    updatedAt: '2026-11-27T14:00:01Z',
    tokenExpiresAt: '2026-11-27T16:00:00Z',
  };
}
