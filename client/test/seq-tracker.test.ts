import { describe, expect, it } from 'vitest';
import { SeqTracker } from '../src/seq-tracker';

describe('SeqTracker', () => {
  it('takes the baseline from ready_ack and accepts the next broadcast as in order', () => {
    const tracker = new SeqTracker();
    expect(tracker.observe({ type: 'ready_ack', seq: 0 })).toEqual({ kind: 'baseline', seq: 0 });
    expect(tracker.observe({ type: 'job_started', seq: 1 })).toEqual({ kind: 'in_order', seq: 1 });
    expect(tracker.lastSeq).toBe(1);
  });

  it('reports a gap when a broadcast skips a number', () => {
    const tracker = new SeqTracker();
    tracker.observe({ type: 'ready_ack', seq: 4 });
    expect(tracker.observe({ type: 'job_progress', seq: 7 })).toEqual({ kind: 'gap', expected: 5, received: 7 });
    expect(tracker.lastSeq).toBe(7);
  });

  it('does not advance on reconnected, which repeats the last broadcast seq', () => {
    const tracker = new SeqTracker();
    tracker.observe({ type: 'ready_ack', seq: 9 });
    expect(tracker.observe({ type: 'reconnected', seq: 9 })).toEqual({ kind: 'baseline', seq: 9 });
    expect(tracker.observe({ type: 'job_progress', seq: 10 })).toEqual({ kind: 'in_order', seq: 10 });
  });

  it('counts token_refreshed as a broadcast', () => {
    const tracker = new SeqTracker();
    tracker.observe({ type: 'ready_ack', seq: 2 });
    tracker.observe({ type: 'token_refreshed', seq: 3 });
    expect(tracker.observe({ type: 'job_progress', seq: 4 })).toEqual({ kind: 'in_order', seq: 4 });
  });

  it('reports a repeated seq as stale and keeps the newest', () => {
    const tracker = new SeqTracker();
    tracker.observe({ type: 'ready_ack', seq: 5 });
    expect(tracker.observe({ type: 'job_complete', seq: 5 })).toEqual({ kind: 'stale', lastSeq: 5, received: 5 });
    expect(tracker.lastSeq).toBe(5);
  });
});
