import { CONTRACT_VERSION } from '@bookstrack/generated/constants';
import { JobStateSchema, JobStatusSchema, ServerMessageSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { buildServerMessage, encodeServerMessage, jobProgressMessage, reconnectedMessage } from '../../src/jobs/frames';
import { createJob, jobRulesFrom } from '../../src/jobs/job-machine';
import { DEFAULT_TOKEN_POLICY } from '../../src/jobs/token-policy';
import type { JobSnapshot } from '../../src/jobs/job-snapshot';
import { toJobState } from '../../src/jobs/job-view';

const job = { jobId: 'job-frames-1', pipeline: 'csv_import' as const };
const T0 = Date.UTC(2035, 0, 1);

describe('server frames', () => {
  it('wraps a payload in the shared envelope with seq, timestamp and version', () => {
    const message = buildServerMessage('ready_ack', job, 3, T0, { connectionCount: 2 });
    expect(ServerMessageSchema.parse(message)).toEqual({
      type: 'ready_ack',
      jobId: 'job-frames-1',
      pipeline: 'csv_import',
      seq: 3,
      timestamp: T0,
      version: CONTRACT_VERSION,
      payload: { connectionCount: 2 },
    });
  });

  it('names the display line statusText in job_progress, reconnected and the job state; status is only a JobStatus', () => {
    const created = createJob(
      { jobId: 'job-frames-2', pipeline: 'csv_import', totalCount: 4, itemCount: 4 },
      T0,
      jobRulesFrom(DEFAULT_TOKEN_POLICY),
    ).job;
    const job: JobSnapshot = { ...created, status: 'running', checkpoint: 2, seq: 3, statusText: 'Processed 2 of 4' };
    const progress = ServerMessageSchema.parse(jobProgressMessage(job, 4, T0, false, 'Dune'));
    const reconnected = ServerMessageSchema.parse(reconnectedMessage(job, T0));
    const state = JobStateSchema.parse(toJobState(job, T0 + 7_200_000));
    for (const view of [progress.payload, reconnected.payload, state]) {
      expect(view).toMatchObject({ progress: 0.5, processedCount: 2, totalCount: 4, statusText: 'Processed 2 of 4' });
      if ('status' in view) expect(JobStatusSchema.parse(view.status)).toBe('running');
    }
    expect(progress.payload).not.toHaveProperty('status');
  });

  it('throws for a frame that breaks the contract when validating', () => {
    const broken = buildServerMessage('ready_ack', { ...job, jobId: 'bad id!' }, 1, T0, { connectionCount: 1 });
    expect(() => encodeServerMessage(broken, true)).toThrow(/ready_ack frame breaks the contract/);
  });

  it('serialises without checking when validation is off', () => {
    const broken = buildServerMessage('ready_ack', { ...job, jobId: 'bad id!' }, 1, T0, { connectionCount: 1 });
    expect(JSON.parse(encodeServerMessage(broken, false))).toMatchObject({ jobId: 'bad id!' });
  });
});
