import { TERMINAL_JOB_STATUSES } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { canTransition, describeProgress, isTerminal, progressOf } from '../../src/jobs/job-state';

describe('job status transitions', () => {
  it('allows queued → running → completed', () => {
    expect(canTransition('queued', 'running')).toBe(true);
    expect(canTransition('running', 'completed')).toBe(true);
  });

  it('allows cancel and failure from queued and running only', () => {
    expect(canTransition('queued', 'canceled')).toBe(true);
    expect(canTransition('running', 'failed')).toBe(true);
    expect(canTransition('completed', 'canceled')).toBe(false);
    expect(canTransition('canceled', 'running')).toBe(false);
  });

  it("lets no status follow a terminal one, and some follow every other (the spec's x-terminal list)", () => {
    const statuses = ['queued', 'running', 'completed', 'failed', 'canceled'] as const;
    for (const from of statuses) {
      const next = statuses.filter((to) => canTransition(from, to));
      expect(next.length === 0).toBe((TERMINAL_JOB_STATUSES as readonly string[]).includes(from));
    }
  });

  it('never goes back to queued', () => {
    expect(canTransition('running', 'queued')).toBe(false);
  });

  it('treats completed, failed and canceled as terminal', () => {
    expect(['queued', 'running', 'completed', 'failed', 'canceled'].filter((s) => isTerminal(s as never))).toEqual([
      'completed',
      'failed',
      'canceled',
    ]);
  });
});

describe('progressOf', () => {
  it('is the processed fraction, clamped to 1', () => {
    expect(progressOf(25, 100, 'running')).toBe(0.25);
    expect(progressOf(120, 100, 'running')).toBe(1);
  });

  it('is 1 for a completed empty job and 0 for a running one', () => {
    expect(progressOf(0, 0, 'completed')).toBe(1);
    expect(progressOf(0, 0, 'running')).toBe(0);
  });

  it('describes progress as human text', () => {
    expect(describeProgress(3, 10)).toBe('Processed 3 of 10');
  });
});
