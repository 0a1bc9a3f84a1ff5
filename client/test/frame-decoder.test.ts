import { describe, expect, it } from 'vitest';
import { decodeServerFrame } from '../src/frame-decoder';
import { jobProgress, reconnected } from './support/messages';

describe('decodeServerFrame', () => {
  it('returns the validated message for a contract frame', () => {
    const decoded = decodeServerFrame(JSON.stringify(jobProgress(3, 2)));
    expect(decoded.kind).toBe('message');
    expect(decoded.kind === 'message' && decoded.message.type).toBe('job_progress');
  });

  it('surfaces a type it does not know as unknown with the raw data', () => {
    const decoded = decodeServerFrame(JSON.stringify({ type: 'job_paused', seq: 4, payload: { why: 'maintenance' } }));
    expect(decoded).toEqual({
      kind: 'unknown',
      type: 'job_paused',
      data: { type: 'job_paused', seq: 4, payload: { why: 'maintenance' } },
    });
  });

  it('keeps fields it does not know, at the top and in the payload', () => {
    const frame = jobProgress(3, 2);
    const grown = { ...frame, traceId: 't-1', payload: { ...frame.payload, etaMs: 5000 } };
    expect(decodeServerFrame(JSON.stringify(grown))).toEqual({ kind: 'message', message: grown });
  });

  it('reads a JobStatus it does not know as { unknown } instead of rejecting the frame', () => {
    const frame = reconnected(4, 2);
    const decoded = decodeServerFrame(JSON.stringify({ ...frame, payload: { ...frame.payload, status: 'paused' } }));
    expect(decoded).toEqual({
      kind: 'message',
      message: { ...frame, payload: { ...frame.payload, status: { unknown: 'paused' } } },
    });
  });

  it('still reports a frame without a required field as invalid', () => {
    const { seq: _dropped, ...frame } = reconnected(4, 2);
    const decoded = decodeServerFrame(JSON.stringify(frame));
    expect(decoded.kind === 'invalid' && decoded.issues.map((i) => i.path)).toEqual(['seq']);
  });

  it('reports a known type with a wrong shape as invalid with the failing path', () => {
    const frame = { ...jobProgress(3, 2), payload: { progress: 2, processedCount: 2, totalCount: 4, statusText: 'x' } };
    const decoded = decodeServerFrame(JSON.stringify(frame));
    expect(decoded.kind).toBe('invalid');
    expect(decoded.kind === 'invalid' && decoded.issues.map((i) => i.path)).toEqual(['payload.progress']);
  });

  it('reports text that is not JSON as invalid', () => {
    expect(decodeServerFrame('not json')).toEqual({
      kind: 'invalid',
      data: 'not json',
      issues: [{ path: '', message: 'frame is not JSON' }],
    });
  });

  it('reports a binary frame as invalid', () => {
    const decoded = decodeServerFrame(new ArrayBuffer(2));
    expect(decoded.kind === 'invalid' && decoded.issues[0]?.message).toBe('binary frames are not part of the contract');
  });

  it('reports a frame without a string type as invalid', () => {
    const decoded = decodeServerFrame(JSON.stringify({ seq: 1 }));
    expect(decoded.kind === 'invalid' && decoded.issues[0]?.message).toBe('`type` is missing or not a string');
  });
});
