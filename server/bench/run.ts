// `npm run bench -w server`: starts wrangler dev with the bench config and prints WebSocket delivery
// latency (progress vs echo baseline), job-start vs /health throughput, and CSV rows/s (workerd vs
// Node vs the whole job). Figures only: nothing here asserts a time.
import { startDevServer } from '../test/helpers/wrangler-dev';
import { goodreadsCsv } from './goodreads-file';
import { formatRatio, mean, percentile, round } from './stats';
import { measureThroughput } from './throughput';
import { measureCsvSpeed } from './csv-speed';
import { echoLatency, progressLatency } from './ws-latency';

const CSV_BYTES = 10_000_000;
const SMALL_CSV = 'title,author\nDune,Frank Herbert\nKindred,Octavia E. Butler\n';

function latencyLine(name: string, samples: number[]): string {
  return `${name.padEnd(24)} n=${String(samples.length).padStart(5)}  p50=${percentile(
    samples,
    50,
  )} ms  p99=${percentile(samples, 99)} ms  mean=${round(mean(samples), 2)} ms  max=${Math.max(...samples)} ms`;
}

async function main(): Promise<void> {
  const server = await startDevServer({
    config: 'bench/wrangler.bench.jsonc',
    vars: { JOB_STEP_DELAY_MS: '0', RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  try {
    console.log(`wrangler dev (bench config) on ${server.origin}\n`);

    console.log('1. WebSocket delivery latency, DO send → client receipt');
    const echo = await echoLatency(server.wsOrigin, 500);
    const progress = await progressLatency(server.origin, server.wsOrigin, 6, 5_000_000);
    console.log(latencyLine('EchoSocket (baseline)', echo.samples));
    console.log(latencyLine('ProgressSocket progress', progress.samples));
    const p50Gap = percentile(progress.samples, 50) - percentile(echo.samples, 50);
    console.log(
      `progress vs echo: p50 +${p50Gap} ms, p99 ${formatRatio(
        percentile(progress.samples, 99),
        percentile(echo.samples, 99),
      )}, mean ${formatRatio(mean(progress.samples), mean(echo.samples))}`,
    );
    // workerd freezes Date.now() during CPU work, so a progress frame's timestamp is the start of its
    // alarm step: its latency includes the step's CPU time and the storage output gate.
    console.log('(progress timestamps are taken at the start of the alarm step; see bench/run.ts)\n');

    console.log('2. Throughput, 16 concurrent clients');
    const health = await measureThroughput(800, 16, () => fetch(`${server.origin}/health`));
    const starts = await measureThroughput(400, 16, () =>
      fetch(`${server.origin}/api/csv/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: SMALL_CSV,
      }),
    );
    console.log(`GET /health            ${round(health.perSecond)} req/s  statuses ${JSON.stringify(health.statuses)}`);
    console.log(`POST /api/csv/import   ${round(starts.perSecond)} req/s  statuses ${JSON.stringify(starts.statuses)}`);
    console.log(`job starts / health = ${formatRatio(starts.perSecond, health.perSecond)}\n`);

    console.log('3. CSV parsing, generated Goodreads-style file');
    const { csv, rows } = goodreadsCsv(CSV_BYTES);
    const speed = await measureCsvSpeed(server.origin, csv, rows, 3);
    const perSecond = (ms: number) => round(rows / (ms / 1000), 0);
    console.log(`file: ${round(speed.bytes / 1_048_576, 2)} MiB, ${rows} rows`);
    console.log(`Node (same parser)     ${round(speed.nodeMs, 0)} ms  ${perSecond(speed.nodeMs)} rows/s`);
    console.log(`workerd (parse only)   ${round(speed.workerdMs, 0)} ms  ${perSecond(speed.workerdMs)} rows/s`);
    console.log(
      `whole csv_import job   ${round(speed.jobMs, 0)} ms  ${perSecond(
        speed.jobMs,
      )} rows/s (upload, plan, steps, storage)`,
    );
    console.log(`workerd / Node rows/s = ${formatRatio(speed.nodeMs, speed.workerdMs)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
