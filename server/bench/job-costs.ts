// What one job costs, counted: Durable Object requests and alarms, SQLite rows read and written (the
// cursors' own counters), worker requests and workerd CPU, for a csv_import, a batch_enrichment and
// an ai_scan job, each watched to its end by one socket. Turned into dollars per 1,000 items with
// Cloudflare's published prices (README "Performance and cost" cites the pages).
import type { BookQuery } from '@bookstrack/generated/schemas';
import { CATALOGUE } from '../src/providers/catalogue/catalogue';
import { makeShelfPhoto } from '../test/vision/shelf-photo';
import type { CostClass, CostTally } from './cost-counters';
import { goodreadsCsv } from './goodreads-file';
import { followJob, sleep, startJob } from './job-client';
import { round } from './stats';
import { cpuMs } from './workerd-cpu';

export type Tallies = Record<CostClass, CostTally>;

export async function resetCounters(origin: string): Promise<void> {
  await (await fetch(`${origin}/bench/counters`, { method: 'POST' })).arrayBuffer();
}

export async function readCounters(origin: string): Promise<Tallies> {
  return (await (await fetch(`${origin}/bench/counters`)).json()) as Tallies;
}

export interface JobCost {
  name: string;
  unit: string;
  items: number;
  tallies: Tallies;
  /** workerd CPU from the POST until its 202 (the route, the rate limiter, the object's startJob). */
  startCpuMs: number;
  /** workerd CPU from the 202 until the job's socket closed (the object's steps). */
  runCpuMs: number;
  /** Wall time from the POST to job_complete: the longest the job's object can have been active. */
  wallMs: number;
  isComplete: boolean;
}

interface JobSpec {
  name: string;
  unit: string;
  items: number;
  path: string;
  body: string;
  contentType: string;
}

async function measureJob(origin: string, wsOrigin: string, pid: string | undefined, spec: JobSpec): Promise<JobCost> {
  await resetCounters(origin);
  const cpuAtStart = cpuMs(pid);
  const started = performance.now();
  const job = await startJob(`${origin}${spec.path}`, spec.body, spec.contentType);
  const cpuAt202 = cpuMs(pid);
  const frames = await followJob(wsOrigin, job);
  const wallMs = performance.now() - started;
  // Let the object handle the socket's close before reading what it counted.
  await sleep(300);
  const cpuAtEnd = cpuMs(pid);
  return {
    name: spec.name,
    unit: spec.unit,
    items: spec.items,
    tallies: await readCounters(origin),
    startCpuMs: cpuAt202 - cpuAtStart,
    runCpuMs: cpuAtEnd - cpuAt202,
    wallMs,
    isComplete: frames.some((f) => f.type === 'job_complete'),
  };
}

async function scanBody(): Promise<string> {
  const shelves = [
    ['9780141439518', '9780441172719'],
    ['9780547928227', '9780062316097', '9780132350884'],
    ['9780743273565'],
    ['9780451524935', '9780060850524'],
    ['9780385490818', '9780307387899', '9780141441146'],
  ];
  const photos = await Promise.all(
    shelves.map((isbns, i) =>
      makeShelfPhoto({ width: 1600, height: 1200, isbns, format: 'jpeg', seed: i + 1, jpegQuality: 85 }),
    ),
  );
  return JSON.stringify({
    images: photos.map((bytes, index) => ({ index, data: Buffer.from(bytes).toString('base64') })),
  });
}

export async function measureJobCosts(origin: string, wsOrigin: string, pid: string | undefined): Promise<JobCost[]> {
  const { csv, rows } = goodreadsCsv(240_000);
  const books: BookQuery[] = CATALOGUE.slice(0, 100).map((b, i) =>
    i % 2 === 0 ? { title: b.title, isbn: b.isbn13 } : { title: b.title, author: b.authors[0] as string },
  );
  const specs: JobSpec[] = [
    { name: 'csv_import', unit: 'CSV rows', items: rows, path: '/api/csv/import', body: csv, contentType: 'text/csv' },
    {
      name: 'batch_enrichment',
      unit: 'books',
      items: books.length,
      path: '/v1/enrichment/batch',
      body: JSON.stringify({ books }),
      contentType: 'application/json',
    },
    {
      name: 'ai_scan',
      unit: 'photos',
      items: 5,
      path: '/api/scan-bookshelf/batch',
      body: await scanBody(),
      contentType: 'application/json',
    },
  ];
  const costs: JobCost[] = [];
  for (const spec of specs) costs.push(await measureJob(origin, wsOrigin, pid, spec));
  return costs;
}

/**
 * Cloudflare Workers Paid prices, marginal (beyond the monthly included usage), USD. Sources, read
 * from stored copies (see README "Performance and cost"): developers.cloudflare.com/durable-objects/
 * platform/pricing/ and developers.cloudflare.com/workers/platform/pricing/.
 */
export const PRICES = {
  doRequestPerMillion: 0.15,
  doGbSecondPerMillion: 12.5,
  rowsReadPerMillion: 0.001,
  rowsWrittenPerMillion: 1.0,
  storageGbMonth: 0.2,
  workerRequestPerMillion: 0.3,
  workerCpuMsPerMillion: 0.02,
  /** Duration is billed for the object's 128 MB, whatever it uses. */
  objectGb: 0.128,
  /** Incoming WebSocket messages are billed 20:1 as requests. */
  socketMessagesPerRequest: 20,
} as const;

/** Results stay stored for 24 h after completion (CONTRACT.md), then the cleanup alarm wipes them. */
const STORED_DAYS = 1;

export interface CostBreakdown {
  doRequests: number;
  rowsRead: number;
  rowsWritten: number;
  workerRequests: number;
  usd: Record<'requests' | 'duration' | 'rowsRead' | 'rowsWritten' | 'storage' | 'worker' | 'total', number>;
}

/** Billed units and dollars of one job, scaled to 1,000 items. */
export function costPerThousand(cost: JobCost): CostBreakdown {
  const scale = 1000 / cost.items;
  const objects = [cost.tallies.ProgressSocket, cost.tallies.RateLimiter];
  const sum = (pick: (t: CostTally) => number) => objects.reduce((n, t) => n + pick(t), 0);
  const billedRequests = sum((t) => t.requests - t.socketMessages + t.socketMessages / PRICES.socketMessagesPerRequest);
  const rowsRead = sum((t) => t.rowsRead);
  const rowsWritten = sum((t) => t.rowsWritten + t.alarmsSet);
  const workerRequests = cost.tallies.Worker.requests;
  const gbSeconds = PRICES.objectGb * (cost.wallMs / 1000);
  const storedGbMonths = (cost.tallies.ProgressSocket.peakDatabaseBytes / 1e9) * (STORED_DAYS / 30);
  const usd = {
    requests: (billedRequests * PRICES.doRequestPerMillion) / 1e6,
    duration: (gbSeconds * PRICES.doGbSecondPerMillion) / 1e6,
    rowsRead: (rowsRead * PRICES.rowsReadPerMillion) / 1e6,
    rowsWritten: (rowsWritten * PRICES.rowsWrittenPerMillion) / 1e6,
    storage: storedGbMonths * PRICES.storageGbMonth,
    worker:
      (workerRequests * PRICES.workerRequestPerMillion) / 1e6 + (cost.startCpuMs * PRICES.workerCpuMsPerMillion) / 1e6,
    total: 0,
  };
  usd.total = usd.requests + usd.duration + usd.rowsRead + usd.rowsWritten + usd.storage + usd.worker;
  for (const key of Object.keys(usd) as (keyof typeof usd)[]) usd[key] *= scale;
  return {
    doRequests: billedRequests * scale,
    rowsRead: rowsRead * scale,
    rowsWritten: rowsWritten * scale,
    workerRequests: workerRequests * scale,
    usd,
  };
}

function perThousand(value: number, cost: JobCost): number {
  return round((value * 1000) / cost.items, 1);
}

/** Counter lines (per job and per 1,000 items) and a markdown cost table, for the README. */
export function describeCosts(costs: readonly JobCost[]): string[] {
  const lines: string[] = [];
  for (const cost of costs) {
    const { ProgressSocket: job, RateLimiter: limiter, Worker: worker } = cost.tallies;
    lines.push(
      `${cost.name}: ${cost.items} ${cost.unit}, ${cost.isComplete ? 'completed' : 'NOT COMPLETED'} in ${round(
        cost.wallMs,
        0,
      )} ms`,
    );
    const rows: [string, number][] = [
      ['job object requests (fetch, RPC, socket messages, alarms)', job.requests],
      ['  of which alarms', job.alarms],
      ['  of which incoming socket messages', job.socketMessages],
      ['job object setAlarm() calls (billed as rows written)', job.alarmsSet],
      ['job object SQLite rows read', job.rowsRead],
      ['job object SQLite rows written', job.rowsWritten],
      ['job object SQL statements', job.statements],
      ['job object peak database bytes', job.peakDatabaseBytes],
      ['rate limiter requests', limiter.requests],
      ['rate limiter rows read + written + setAlarm', limiter.rowsRead + limiter.rowsWritten + limiter.alarmsSet],
      ['worker requests', worker.requests],
      ['workerd CPU ms, POST to 202 (route + limiter + startJob)', cost.startCpuMs],
      ['workerd CPU ms, 202 to socket closed (steps)', cost.runCpuMs],
    ];
    for (const [label, value] of rows)
      lines.push(
        `   ${label.padEnd(58)} per job ${String(round(value, 1)).padStart(9)}   per 1,000 ${cost.unit}: ${perThousand(
          value,
          cost,
        )}`,
      );
  }
  lines.push('', 'Cost per 1,000 items, USD, marginal Workers Paid prices (markdown):');
  lines.push(
    '| job | per 1,000 | DO requests | rows read | rows written | worker req | requests $ | duration $ | rows read $ | rows written $ | storage $ | worker $ | total $ |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const cost of costs) {
    const b = costPerThousand(cost);
    const usd = (n: number) => (n < 0.0000005 ? '<0.000001' : n.toFixed(6));
    lines.push(
      `| ${cost.name} | ${cost.unit} | ${round(b.doRequests, 0)} | ${round(b.rowsRead, 0)} | ${round(
        b.rowsWritten,
        0,
      )} | ${round(b.workerRequests, 1)} | ${usd(b.usd.requests)} | ${usd(b.usd.duration)} | ${usd(
        b.usd.rowsRead,
      )} | ${usd(b.usd.rowsWritten)} | ${usd(b.usd.storage)} | ${usd(b.usd.worker)} | ${usd(b.usd.total)} |`,
    );
  }
  return lines;
}
