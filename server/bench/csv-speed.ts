// CSV rows/s for the same generated file: the csv_import parser in Node, inside workerd (upload with
// parsing minus the same upload without), and end to end through the job engine.
import { planCsv, runCsvItem, type CsvItem } from '../src/pipelines/csv';
import { median } from './stats';

export interface CsvSpeed {
  rows: number;
  bytes: number;
  nodeMs: number;
  workerdMs: number;
  jobMs: number;
}

function parseInNode(csv: string): number {
  const started = performance.now();
  const planned = planCsv(csv);
  for (const item of planned.items) runCsvItem(item as unknown as CsvItem);
  return performance.now() - started;
}

/** POSTs a CSV; one retry covers a pooled keep-alive connection the server already closed (EPIPE). */
export async function postCsv(url: string, body: string): Promise<Response> {
  const init = { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body };
  return fetch(url, init).catch(() => fetch(url, init));
}

async function timedPost(url: string, body: string): Promise<number> {
  const started = performance.now();
  const response = await postCsv(url, body);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function importAndWait(origin: string, csv: string): Promise<number> {
  const started = performance.now();
  const response = await postCsv(`${origin}/api/csv/import`, csv);
  const { data } = (await response.json()) as { data: { jobId: string; token: string } };
  for (;;) {
    const state = await fetch(`${origin}/api/job-state/${data.jobId}`, {
      headers: { Authorization: `Bearer ${data.token}` },
    });
    const { data: job } = (await state.json()) as { data: { status: string } };
    if (job.status !== 'queued' && job.status !== 'running') break;
    await new Promise((done) => setTimeout(done, 50));
  }
  return performance.now() - started;
}

export async function measureCsvSpeed(origin: string, csv: string, rows: number, repeats: number): Promise<CsvSpeed> {
  const node: number[] = [];
  const parse: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < repeats; i++) {
    node.push(parseInNode(csv));
    read.push(await timedPost(`${origin}/bench/csv-read`, csv));
    parse.push(await timedPost(`${origin}/bench/csv-parse`, csv));
  }
  const jobMs = await importAndWait(origin, csv);
  return { rows, bytes: csv.length, nodeMs: median(node), workerdMs: Math.max(1, median(parse) - median(read)), jobMs };
}
