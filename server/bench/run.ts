// `npm run bench -w server`: every figure beside its floor, measured in the same run on the same
// workerd, one line each (stats.ts formatBenchLine): measured | floor | ratio | goal | met/MISSED.
// Then the cost counters per job and per 1,000 items. A missed goal is a figure, not a failure:
// the script exits 0 unless the bench itself breaks. Issue 15 states the goals.
import { startDevServer } from '../test/helpers/wrangler-dev';
import { measureCsvJob } from './csv-job';
import { measureFanout } from './fanout';
import { goodreadsCsv } from './goodreads-file';
import { describeCosts, measureJobCosts, readCounters, resetCounters } from './job-costs';
import { measureJobStart } from './job-start';
import { measureDelivery } from './progress-delivery';
import { formatBenchLine, mean, percentile, round, type BenchLine } from './stats';
import { findRuntimeWorkerd } from './workerd-cpu';

const CSV_BYTES = 5_000_000;

/** Progress of the run on stderr, so a slow phase on a shared machine is visible. */
function phase(name: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${name}\n`);
}

async function workerdLines(): Promise<string[]> {
  const server = await startDevServer({
    config: 'bench/wrangler.bench.jsonc',
    vars: { JOB_STEP_DELAY_MS: '0', RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  const report = (line: BenchLine) => console.log(formatBenchLine(line));
  try {
    const pid = findRuntimeWorkerd(server.origin);
    phase('job start');
    const start = await measureJobStart(server.origin);
    report({
      name: 'job start (16 clients)',
      unit: 'req/s',
      measured: start.jobsPerSecond,
      floor: start.floorPerSecond,
      goal: { op: '>=', value: 0.8 },
      note: `floor: new empty SQLite object + 1 RPC + 1 alarm; statuses ${JSON.stringify(start.statuses)}`,
    });

    phase('progress delivery');
    const delivery = await measureDelivery(server.origin, server.wsOrigin);
    const p50 = percentile(delivery.jobMs, 50);
    const floorP50 = percentile(delivery.floorMs, 50);
    report({
      name: 'progress delivery p50 (marker→frame)',
      unit: 'ms',
      measured: p50,
      floor: floorP50,
      goal: { op: '<=', value: 1.5 },
      note: `n=${delivery.jobMs.length}/${delivery.floorMs.length}, p99 ${round(
        percentile(delivery.jobMs, 99),
        2,
      )} vs ${round(percentile(delivery.floorMs, 99), 2)} ms, mean ${round(mean(delivery.jobMs), 2)} vs ${round(
        mean(delivery.floorMs),
        2,
      )} ms, frame ${delivery.frameBytes} B; floor: 1 confirmed write + same-size frame`,
    });

    phase('whole CSV job vs parser');
    const { csv, rows } = goodreadsCsv(CSV_BYTES);
    await resetCounters(server.origin);
    const csvJob = await measureCsvJob(server.origin, server.wsOrigin, csv, rows, 2);
    const counted = await readCounters(server.origin);
    const perSecond = (ms: number) => rows / (ms / 1000);
    report({
      name: 'whole CSV job vs parser (workerd)',
      unit: 'rows/s',
      measured: perSecond(csvJob.jobMs),
      floor: perSecond(csvJob.parseMs),
      goal: { op: '>=', value: 0.8 },
      note: `${rows} rows, ${round(csvJob.bytes / 1_048_576, 2)} MiB, upload ${round(
        csvJob.uploadMs,
        0,
      )} ms excluded from both${csvJob.completed ? '' : '; A JOB DID NOT COMPLETE'}`,
    });
    // Two jobs of `rows` rows ran between the reset and the read (measureCsvJob's repeats).
    const written = counted.ProgressSocket.rowsWritten + counted.ProgressSocket.alarmsSet;
    report({
      name: 'SQLite rows written per CSV row',
      unit: 'rows',
      measured: written / (2 * rows),
      goal: { op: '<=', value: 0.02 },
      note: `${written} rows written (incl. ${counted.ProgressSocket.alarmsSet} setAlarm) for 2 x ${rows} rows`,
    });

    phase('cost counters');
    const costs = describeCosts(await measureJobCosts(server.origin, server.wsOrigin, pid));
    if (pid === undefined) costs.push('(workerd CPU: process not found, figures are NaN)');
    return costs;
  } finally {
    await server.stop();
  }
}

async function fanoutLine(): Promise<BenchLine> {
  phase('fan-out (load config)');
  const fanout = await measureFanout();
  const { jobs, floor } = fanout;
  return {
    name: 'fan-out under load',
    unit: 'frames/s',
    measured: jobs.perSecond,
    floor: floor.perSecond,
    goal: { op: '>=', value: 0.7 },
    isExtraMet: jobs.gaps === 0,
    note: `${fanout.shape}; seq gaps ${jobs.gaps} (floor ${floor.gaps}), goal needs 0; frames ${jobs.frames} vs ${floor.frames}; lateness p50 ${jobs.p50Ms} vs ${floor.p50Ms} ms, p99 ${jobs.p99Ms} vs ${floor.p99Ms} ms; clean closes ${jobs.cleanCloses}/${jobs.sockets} vs ${floor.cleanCloses}/${floor.sockets}`,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('Bench (issue 15): each figure beside its floor, measured in this run\n');
  const costs = await workerdLines();
  console.log(formatBenchLine(await fanoutLine()));
  console.log('(validation: bench/validation.bench.ts prints its own lines in this format)\n');
  console.log('Cost counters (one job of each kind, watched by one socket to its end)');
  for (const line of costs) console.log(line);
  console.log(
    `\nNode ${process.version}, ${new Date().toISOString()}, ${round((performance.now() - started) / 1000, 0)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
