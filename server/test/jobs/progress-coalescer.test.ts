import { describe, expect, it } from 'vitest';
import { minProgressIntervalMs, shouldEmitProgress } from '../../src/jobs/progress-coalescer';

const T0 = Date.UTC(2035, 0, 1);

describe('progress coalescing', () => {
  it('spaces frames 100 ms apart at 10 per second', () => {
    expect(minProgressIntervalMs(10)).toBe(100);
  });

  it('emits the first frame of a job', () => {
    expect(shouldEmitProgress(null, T0, 10, false)).toBe(true);
  });

  it('drops a frame within the interval and emits one after it', () => {
    expect(shouldEmitProgress(T0, T0 + 99, 10, false)).toBe(false);
    expect(shouldEmitProgress(T0, T0 + 100, 10, false)).toBe(true);
  });

  it('always emits the final frame', () => {
    expect(shouldEmitProgress(T0, T0 + 1, 10, true)).toBe(true);
  });

  it('emits at most 10 frames over one second of 1 ms steps', () => {
    let last: number | null = null;
    let sent = 0;
    for (let t = T0; t < T0 + 1000; t += 1) {
      if (shouldEmitProgress(last, t, 10, false)) {
        sent += 1;
        last = t;
      }
    }
    expect(sent).toBe(10);
  });
});
