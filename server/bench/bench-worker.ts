// Bench-only Worker entry (bench/wrangler.bench.jsonc, never the production config): the real app
// and Durable Objects plus an EchoSocket baseline and a CSV parse probe that runs inside workerd.
import { app } from '../src/app';
import type { Env } from '../src/env';
import { planCsv, runCsvItem, type CsvItem } from '../src/pipelines/csv';

export { ProgressSocket } from '../src/durable/progress-socket';
export { RateLimiter } from '../src/durable/rate-limiter';
export { EchoSocket } from './echo-socket';

interface BenchEnv extends Env {
  ECHO_SOCKET: DurableObjectNamespace;
}

/** Parses and validates every row the way the csv_import job does, without storage. */
function parseAll(csv: string): { rows: number; books: number } {
  const planned = planCsv(csv);
  let books = 0;
  for (const item of planned.items) if (runCsvItem(item as unknown as CsvItem).ok) books += 1;
  return { rows: planned.totalCount, books };
}

export default {
  async fetch(request: Request, env: BenchEnv, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/bench/echo') return env.ECHO_SOCKET.get(env.ECHO_SOCKET.idFromName('echo')).fetch(request);
    if (pathname === '/bench/csv-read') {
      // Baseline: the same upload, read but not parsed.
      const csv = await request.text();
      return Response.json({ chars: csv.length });
    }
    if (pathname === '/bench/csv-parse') {
      const csv = await request.text();
      return Response.json(parseAll(csv));
    }
    return app.fetch(request, env, ctx);
  },
};
