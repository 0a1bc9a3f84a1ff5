// Progress coalescing: at most `maxPerSecond` job_progress frames per job, the final one always sent.
// The last emit time is persisted with the job, so the limit holds across hibernation.

/** Minimum spacing between two progress frames of one job. */
export function minProgressIntervalMs(maxPerSecond: number): number {
  return Math.ceil(1000 / Math.max(1, maxPerSecond));
}

export function shouldEmitProgress(
  lastEmittedAt: number | null,
  now: number,
  maxPerSecond: number,
  isFinal: boolean,
): boolean {
  if (isFinal || lastEmittedAt === null) return true;
  return now - lastEmittedAt >= minProgressIntervalMs(maxPerSecond);
}
