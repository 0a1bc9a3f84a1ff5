// Objects stored before chunked storage (one `items` row per work item, an oversized one split into
// `item_parts`) keep working after the deploy: the first wake moves their items and outcomes into
// chunks and drops the old tables. A finished job still serves byte-identical results; a job that
// was mid-run resumes and completes with every row exactly once.
import { env, runInDurableObject } from 'cloudflare:test';
import type { JobState } from '@bookstrack/generated/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineResults, StartedJob } from '../../src/durable/job-api';
import { JobStore } from '../../src/durable/job-store';
import { ProgressSocket } from '../../src/durable/progress-socket';
import { fireNextAlarm, newJobId, plain, restoreClock, stubFor, useClock } from '../helpers/durable';

beforeEach(() => useClock());
afterEach(() => restoreClock());

const OLD_ITEM_TABLES = [
  'CREATE TABLE items (idx INTEGER PRIMARY KEY, item TEXT NOT NULL, outcome TEXT)',
  'CREATE TABLE item_parts (idx INTEGER NOT NULL, part INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (idx, part))',
];
/** Items the old store kept in parts (their `items.item` is ''), whatever their size. */
const SPLIT = new Set([3, 1_001]);

function csvOf(rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) => `Book ${i + 1},Author ${i % 37},`);
  lines[7] = 'Only,two';
  return `title,author,isbn\n${lines.join('\n')}\n`;
}

async function start(jobId: string, csv: string): Promise<string> {
  const started = plain<StartedJob>(await stubFor(jobId).startJob({ jobId, input: { pipeline: 'csv_import', csv } }));
  if (!started.ok) throw new Error(`startJob failed: ${started.code}`);
  return started.value.token;
}

async function state(jobId: string, token: string): Promise<JobState> {
  const result = plain<JobState>(await stubFor(jobId).getState(token));
  if (!result.ok) throw new Error(`getState failed: ${result.code}`);
  return result.value;
}

async function runToEnd(jobId: string, token: string): Promise<JobState> {
  for (let wakeUps = 0; wakeUps < 50; wakeUps++) {
    const current = await state(jobId, token);
    if (current.status === 'completed') return current;
    if ((await fireNextAlarm(jobId)) === null) break;
  }
  throw new Error('the job did not complete');
}

async function results(jobId: string, token: string): Promise<string> {
  const fetched = plain<PipelineResults>(await stubFor(jobId).getResults(token, 'csv_import'));
  if (!fetched.ok) throw new Error(`results: ${fetched.code}`);
  return JSON.stringify(fetched.value);
}

/**
 * Rewrites the object's storage the way the store before chunks kept it, then wakes a new instance
 * on it (what the first request after a deploy does). Returns the old tables left afterwards.
 */
async function storeAsLegacyAndWake(jobId: string): Promise<string[]> {
  return runInDurableObject(stubFor(jobId), (_, ctx) => {
    const sql = ctx.storage.sql;
    const jobs = new JobStore(sql);
    const count = jobs.get()!.itemCount;
    const slice = jobs.slice(0, count);
    for (const statement of OLD_ITEM_TABLES) sql.exec(statement);
    for (const { index, item, outcome } of slice) {
      const json = JSON.stringify(item);
      const stored = outcome === null ? null : JSON.stringify(outcome);
      if (!SPLIT.has(index)) {
        sql.exec('INSERT INTO items (idx, item, outcome) VALUES (?, ?, ?)', index, json, stored);
        continue;
      }
      sql.exec('INSERT INTO items (idx, item, outcome) VALUES (?, ?, ?)', index, '', stored);
      const bytes = new TextEncoder().encode(json);
      const half = Math.ceil(bytes.length / 2);
      sql.exec('INSERT INTO item_parts (idx, part, bytes) VALUES (?, 0, ?)', index, bytes.slice(0, half).buffer);
      sql.exec('INSERT INTO item_parts (idx, part, bytes) VALUES (?, 1, ?)', index, bytes.slice(half).buffer);
    }
    sql.exec('DELETE FROM chunks');
    new ProgressSocket(ctx, env as never);
    return sql
      .exec<{ name: string }>(`SELECT name FROM sqlite_master WHERE name IN ('items', 'item_parts')`)
      .toArray()
      .map((row) => row.name);
  });
}

describe('an object stored before chunks, woken after the deploy', () => {
  it('a finished job serves the same results, byte for byte, and the old tables are gone', async () => {
    const jobId = newJobId();
    const token = await start(jobId, csvOf(1_234));
    await runToEnd(jobId, token);
    const before = await results(jobId, token);
    expect(await storeAsLegacyAndWake(jobId)).toEqual([]);
    expect(await results(jobId, token)).toBe(before);
  });

  it('a job stopped mid-run resumes and completes every row exactly once', async () => {
    const control = newJobId();
    const controlToken = await start(control, csvOf(1_234));
    await runToEnd(control, controlToken);

    const jobId = newJobId();
    const token = await start(jobId, csvOf(1_234));
    // The deadline start and the first step of 500 rows, then the deploy.
    while ((await state(jobId, token)).processedCount === 0) await fireNextAlarm(jobId);
    expect((await state(jobId, token)).processedCount).toBeLessThan(1_234);
    expect(await storeAsLegacyAndWake(jobId)).toEqual([]);
    const done = await runToEnd(jobId, token);
    expect(done).toMatchObject({ processedCount: 1_234, successCount: 1_233, failureCount: 1 });
    const strip = (text: string) => text.replace(/"expiresAt":"[^"]*"/, '');
    expect(strip(await results(jobId, token))).toBe(strip(await results(control, controlToken)));
  });
});
