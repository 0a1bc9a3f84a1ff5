// Request throughput with a fixed number of concurrent clients: job starts against GET /health.

export interface ThroughputResult {
  requests: number;
  seconds: number;
  perSecond: number;
  statuses: Record<number, number>;
}

export async function measureThroughput(
  total: number,
  concurrency: number,
  send: () => Promise<Response>,
): Promise<ThroughputResult> {
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  async function client(): Promise<void> {
    while (next < total) {
      next += 1;
      const response = await send();
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { requests: total, seconds, perSecond: total / seconds, statuses };
}
