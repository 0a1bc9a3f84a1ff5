// The HTTP contract fuzzer: samples `runs` requests from the per-operation arbitraries (fixed seed,
// so a run can be replayed), sends them to a local server with bounded concurrency, and tallies
// statuses, 5xx answers and contract violations.
import type { OperationId } from '@bookstrack/generated/operations';
import fc from 'fast-check';
import { contractViolations } from './contract-check';
import { httpCases, type FuzzJob, type HttpCase } from './http-cases';

export interface Violation {
  operationId: string;
  label: string;
  request: string;
  status: number;
  problems: string[];
  body: string;
}

export interface HttpFuzzReport {
  seed: number;
  requests: number;
  serverErrors: number;
  violations: Violation[];
  byOperation: Record<string, number>;
  byStatus: Record<string, number>;
  durationMs: number;
}

export interface HttpFuzzOptions {
  origin: string;
  runs: number;
  seed: number;
  concurrency: number;
  jobs: readonly FuzzJob[];
  /** Gives up on one request after this long (counted as a violation). */
  requestTimeoutMs?: number;
}

function only127(origin: string): void {
  const host = new URL(origin).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`the fuzzer only targets 127.0.0.1, not ${host}`);
}

async function send(
  origin: string,
  testCase: HttpCase,
  timeoutMs: number,
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${origin}${testCase.path}`, {
    method: testCase.method,
    headers: testCase.headers,
    body: testCase.body?.(),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function describe(testCase: HttpCase): string {
  return `${testCase.method} ${testCase.path.slice(0, 200)} ${JSON.stringify(testCase.headers)}`;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Starts a few real jobs of every pipeline: the owners of the tokens the auth cases use. */
export async function createFuzzJobs(origin: string): Promise<FuzzJob[]> {
  const starts: { path: string; body: unknown; pipeline: FuzzJob['pipeline'] }[] = [
    {
      path: '/api/csv/import',
      body: { csv: 'title,author\nDune,Frank Herbert\nKindred,Octavia E. Butler\n' },
      pipeline: 'csv_import',
    },
    {
      path: '/api/csv/import',
      body: { csv: `title\n${Array.from({ length: 400 }, (_, i) => `Book ${i}`).join('\n')}\n` },
      pipeline: 'csv_import',
    },
    {
      path: '/v1/enrichment/batch',
      body: { books: [{ title: 'Dune' }, { title: 'Kindred' }] },
      pipeline: 'batch_enrichment',
    },
    {
      path: '/v1/enrichment/batch',
      body: { books: [{ title: 'Piranesi', author: 'Susanna Clarke' }] },
      pipeline: 'batch_enrichment',
    },
    {
      path: '/api/scan-bookshelf/batch',
      body: { images: [{ index: 0, data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64') }] },
      pipeline: 'ai_scan',
    },
  ];
  const jobs: FuzzJob[] = [];
  for (const start of starts) {
    const response = await fetch(`${origin}${start.path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(start.body),
    });
    const text = await response.text();
    if (response.status !== 202) throw new Error(`could not start a ${start.pipeline} job: ${response.status} ${text}`);
    const { data } = JSON.parse(text) as { data: { jobId: string; token: string } };
    jobs.push({ jobId: data.jobId, token: data.token, pipeline: start.pipeline });
  }
  return jobs;
}

export async function runHttpFuzz(options: HttpFuzzOptions): Promise<HttpFuzzReport> {
  only127(options.origin);
  const cases = fc.sample(httpCases(options.jobs), { numRuns: options.runs, seed: options.seed });
  const report: HttpFuzzReport = {
    seed: options.seed,
    requests: 0,
    serverErrors: 0,
    violations: [],
    byOperation: {},
    byStatus: {},
    durationMs: 0,
  };
  const startedAt = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const testCase = cases[next++] as HttpCase;
      let problems: string[];
      let status = 0;
      let body = '';
      try {
        const response = await send(options.origin, testCase, options.requestTimeoutMs ?? 30_000);
        ({ status } = response);
        body = response.text.slice(0, 300);
        problems = contractViolations(testCase, response);
      } catch (error) {
        problems = [`no answer: ${(error as Error).message}`];
      }
      report.requests += 1;
      bump(report.byOperation, testCase.operationId as OperationId);
      bump(report.byStatus, String(status));
      if (status >= 500) report.serverErrors += 1;
      if (problems.length > 0) {
        report.violations.push({
          operationId: testCase.operationId,
          label: testCase.label,
          request: describe(testCase),
          status,
          problems,
          body,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  report.durationMs = Math.round(performance.now() - startedAt);
  return report;
}

/** A one-paragraph summary for logs and the long-run output. */
export function summarize(report: HttpFuzzReport): string {
  return [
    `HTTP fuzz: ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s (seed ${report.seed})`,
    `5xx: ${report.serverErrors}, contract violations: ${report.violations.length}`,
    `by operation: ${JSON.stringify(report.byOperation)}`,
    `by status: ${JSON.stringify(report.byStatus)}`,
  ].join('\n');
}
