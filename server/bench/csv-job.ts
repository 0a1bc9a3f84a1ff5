// Whole csv_import job vs the same parser alone, both inside workerd, on one generated Goodreads file.
// Parser alone: POST /bench/csv-parse (planCsv + runCsvItem on every row, no storage) minus POST
// /bench/csv-read (the same upload, only read). Whole job: POST /api/csv/import until its
// job_complete frame arrives on a socket that sent `ready`, minus the same upload. Both exclude the
// client-to-workerd transfer of the file, so each figure is the work done inside workerd.
import { MESSAGE_TYPE } from '@bookstrack/generated/constants';
import { followJob, post, startJob } from './job-client';
import { median } from './stats';

export interface CsvJobResult {
  rows: number;
  bytes: number;
  uploadMs: number;
  parseMs: number;
  jobMs: number;
  completed: boolean;
}

async function timedPost(url: string, body: string): Promise<number> {
  const started = performance.now();
  const response = await post(url, body, 'text/csv');
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

export async function timeCsvJob(origin: string, wsOrigin: string, csv: string): Promise<[number, boolean]> {
  const started = performance.now();
  const job = await startJob(`${origin}/api/csv/import`, csv, 'text/csv');
  const frames = await followJob(wsOrigin, job);
  return [performance.now() - started, frames.some((f) => f.type === MESSAGE_TYPE.JOB_COMPLETE)];
}

export async function measureCsvJob(
  origin: string,
  wsOrigin: string,
  csv: string,
  rows: number,
  repeats: number,
): Promise<CsvJobResult> {
  const parse: number[] = [];
  const read: number[] = [];
  const job: number[] = [];
  let completed = true;
  for (let i = 0; i < repeats; i++) {
    read.push(await timedPost(`${origin}/bench/csv-read`, csv));
    parse.push(await timedPost(`${origin}/bench/csv-parse`, csv));
    const [ms, isComplete] = await timeCsvJob(origin, wsOrigin, csv);
    job.push(ms);
    completed &&= isComplete;
  }
  const uploadMs = median(read);
  return {
    rows,
    bytes: csv.length,
    uploadMs,
    parseMs: Math.max(1, median(parse) - uploadMs),
    jobMs: Math.max(1, median(job) - uploadMs),
    completed,
  };
}
