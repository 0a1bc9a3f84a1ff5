// Load-test-only Worker entry (load/wrangler.load.jsonc, never the production config): the real app
// and Durable Objects, with csv_import replaced by a paced synthetic pipeline so every job emits
// progress at the contract's full rate (10 per second) for as long as the load run asks, plus the
// bench's bare broadcast floor (bench/floor-objects.ts) that the bench's fan-out line compares with.
import { app } from '../src/app';
import type { Env } from '../src/env';
import type { EnginePipeline } from '../src/jobs/pipeline-registry';
import { overridePipelineForTests } from '../src/jobs/pipeline-registry';

export { ProgressSocket } from '../src/durable/progress-socket';
export { RateLimiter } from '../src/durable/rate-limiter';
export { FloorBroadcast } from '../bench/floor-objects';

/** Steps at the coalescer's cap (WS_MAX_PROGRESS_PER_SECOND = 10): every step sends one job_progress. */
const LOAD_STEP_INTERVAL_MS = 100;

const loadPipeline: EnginePipeline = {
  type: 'csv_import',
  stepSize: 1,
  minStepIntervalMs: LOAD_STEP_INTERVAL_MS,
  // The CSV is `title\n<steps>`: one item per step, no parsing cost.
  plan(input) {
    const steps = input.pipeline === 'csv_import' ? Number(input.csv.split('\n')[1]) : Number.NaN;
    const count = Number.isInteger(steps) && steps > 0 ? Math.min(steps, 10_000) : 600;
    return { items: Array.from({ length: count }, (_, i) => ({ i })), totalCount: count };
  },
  async runStep(items) {
    return items.map(() => ({ ok: true as const, value: { title: 'load' } }));
  },
  describeItem: (item) => `item ${String(item.i)}`,
  buildResults: () => ({ books: [], errors: [], successRate: 1 }),
};

// Honoured only because this config runs with ENVIRONMENT=test (pipeline-registry.ts).
overridePipelineForTests('csv_import', loadPipeline);

interface LoadEnv extends Env {
  FLOOR_BROADCAST: DurableObjectNamespace;
}

export default {
  fetch(request: Request, env: LoadEnv, ctx: ExecutionContext): Response | Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/bench/floor-fanout') {
      const room = url.searchParams.get('room') ?? 'room';
      return env.FLOOR_BROADCAST.get(env.FLOOR_BROADCAST.idFromName(room)).fetch(request);
    }
    return app.fetch(request, env, ctx);
  },
};
