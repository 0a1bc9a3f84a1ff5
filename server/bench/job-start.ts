// Job start vs its floor: POST /api/csv/import with a small CSV against /bench/floor-start, which
// reads the same body, creates a new empty SQLite-backed object, makes one RPC that sets one alarm
// and answers 202. Rounds alternate so drift on the shared machine hits both alike.
import { post } from './job-client';
import { measureThroughput } from './throughput';

const SMALL_CSV = 'title,author\nDune,Frank Herbert\nKindred,Octavia E. Butler\n';
const CONCURRENCY = 16;
const ROUNDS = 2;
const PER_ROUND = 100;

export interface JobStartResult {
  jobsPerSecond: number;
  floorPerSecond: number;
  statuses: Record<number, number>;
}

export async function measureJobStart(origin: string): Promise<JobStartResult> {
  const job = () => post(`${origin}/api/csv/import`, SMALL_CSV, 'text/csv');
  const floor = () => post(`${origin}/bench/floor-start`, SMALL_CSV, 'text/csv');
  await measureThroughput(CONCURRENCY, CONCURRENCY, job);
  await measureThroughput(CONCURRENCY, CONCURRENCY, floor);
  const seconds = { job: 0, floor: 0 };
  const statuses: Record<number, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const jobs = await measureThroughput(PER_ROUND, CONCURRENCY, job);
    const floors = await measureThroughput(PER_ROUND, CONCURRENCY, floor);
    seconds.job += jobs.seconds;
    seconds.floor += floors.seconds;
    for (const [status, count] of Object.entries(jobs.statuses))
      statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
  }
  const total = ROUNDS * PER_ROUND;
  return { jobsPerSecond: total / seconds.job, floorPerSecond: total / seconds.floor, statuses };
}
