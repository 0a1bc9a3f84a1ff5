// Bench-only Worker entry (bench/wrangler.bench.jsonc, never the production config): the real app,
// the real Durable Objects wrapped to count what they bill (counted-objects.ts), the floors the
// bench compares them with (floor-objects.ts), and a CSV parse probe that runs inside workerd.
import { app } from '../src/app';
import type { Env } from '../src/env';
import { planCsv, runCsvItem, type CsvItem } from '../src/pipelines/csv';
import { countWorkerRequest, readTallies, resetTallies } from './cost-counters';
import type { FloorStart } from './floor-objects';

export { CountedProgressSocket as ProgressSocket, CountedRateLimiter as RateLimiter } from './counted-objects';
export { FloorBroadcast, FloorSocket, FloorStart } from './floor-objects';

interface BenchEnv extends Env {
  FLOOR_START: DurableObjectNamespace<FloorStart>;
  FLOOR_SOCKET: DurableObjectNamespace;
  FLOOR_BROADCAST: DurableObjectNamespace;
}

/** Parses and validates every row the way the csv_import job does, without storage. */
function parseAll(csv: string): { rows: number; books: number } {
  const planned = planCsv(csv);
  let books = 0;
  for (const item of planned.items) if (runCsvItem(item as unknown as CsvItem).ok) books += 1;
  return { rows: planned.totalCount, books };
}

async function benchRoute(request: Request, env: BenchEnv, pathname: string): Promise<Response | undefined> {
  const url = new URL(request.url);
  switch (pathname) {
    case '/bench/floor-start': {
      // The job-start floor: read the same upload, one new object, one RPC, one alarm, a 202.
      await request.text();
      const stub = env.FLOOR_START.get(env.FLOOR_START.idFromName(crypto.randomUUID()));
      const armed = await stub.start();
      return Response.json({ data: armed }, { status: 202 });
    }
    case '/bench/floor-socket':
      return env.FLOOR_SOCKET.get(env.FLOOR_SOCKET.idFromName(url.searchParams.get('name') ?? 'floor')).fetch(request);
    case '/bench/floor-fanout':
      return env.FLOOR_BROADCAST.get(env.FLOOR_BROADCAST.idFromName(url.searchParams.get('room') ?? 'room')).fetch(
        request,
      );
    case '/bench/csv-read':
      // Baseline: the same upload, read but not parsed.
      return Response.json({ chars: (await request.text()).length });
    case '/bench/csv-parse':
      return Response.json(parseAll(await request.text()));
    case '/bench/counters':
      if (request.method === 'POST') resetTallies();
      return Response.json(readTallies());
    default:
      return undefined;
  }
}

export default {
  async fetch(request: Request, env: BenchEnv, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/bench/')) {
      const answered = await benchRoute(request, env, pathname);
      if (answered) return answered;
    }
    countWorkerRequest();
    return app.fetch(request, env, ctx);
  },
};
