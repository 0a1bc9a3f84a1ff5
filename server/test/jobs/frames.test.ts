import { CONTRACT_VERSION } from '@bookstrack/generated/constants';
import { ServerMessageSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { buildServerMessage, encodeServerMessage } from '../../src/jobs/frames';

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

  it('throws for a frame that breaks the contract when validating', () => {
    const broken = buildServerMessage('ready_ack', { ...job, jobId: 'bad id!' }, 1, T0, { connectionCount: 1 });
    expect(() => encodeServerMessage(broken, true)).toThrow(/ready_ack frame breaks the contract/);
  });

  it('serialises without checking when validation is off', () => {
    const broken = buildServerMessage('ready_ack', { ...job, jobId: 'bad id!' }, 1, T0, { connectionCount: 1 });
    expect(JSON.parse(encodeServerMessage(broken, false))).toMatchObject({ jobId: 'bad id!' });
  });
});
