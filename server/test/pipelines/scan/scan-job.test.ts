// The registered ai_scan pipeline inside the real ProgressSocket: five barcode photos scanned
// offline, one photo per step, with a restart between steps.
import { Buffer } from 'node:buffer';
import { ScanResultsSchema, type JobState, type ScanResults } from '@bookstrack/generated/schemas';
import { abortAllDurableObjects } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartedJob } from '../../../src/durable/job-api';
import {
  fireNextAlarm,
  newJobId,
  plain,
  setClock,
  stubFor,
  useClock,
  restoreClock,
  clockNow,
} from '../../helpers/durable';
import { connectReady } from '../../helpers/websocket';
import { makeShelfPhoto } from '../../vision/shelf-photo';

beforeEach(() => useClock());
afterEach(() => restoreClock());

const SHELVES = [
  ['9780141439518', '9780441172719'],
  ['9780547928227'],
  ['9780062316097', '9780132350884', '9780000000002'],
  ['9780743273565'],
  [],
];

async function photos(): Promise<Array<{ index: number; data: string }>> {
  return Promise.all(
    SHELVES.map(async (isbns, index) => ({
      index,
      data: Buffer.from(
        await makeShelfPhoto({
          width: 1000,
          height: 750,
          isbns,
          format: index % 2 === 0 ? 'jpeg' : 'png',
          seed: index + 1,
        }),
      ).toString('base64'),
    })),
  );
}

async function start(jobId: string): Promise<StartedJob> {
  const result = plain<StartedJob>(
    await stubFor(jobId).startJob({ jobId, input: { pipeline: 'ai_scan', images: await photos() } }),
  );
  if (!result.ok) throw new Error(`startJob failed: ${result.code} ${result.message}`);
  return result.value;
}

async function results(jobId: string, token: string): Promise<ScanResults> {
  const answer = plain<ScanResults>(await stubFor(jobId).getResults(token, 'ai_scan'));
  if (!answer.ok) throw new Error(`getResults failed: ${answer.code}`);
  return ScanResultsSchema.parse(answer.value);
}

describe('ai_scan in the ProgressSocket', () => {
  it('scans five barcode photos offline, one progress step per photo', async () => {
    const jobId = newJobId();
    const job = await start(jobId);
    expect(job.totalCount).toBe(5);
    const socket = await connectReady(jobId, job.token);
    for (let photo = 0; photo < 5; photo++) {
      // A second between photos, so the engine's 10-per-second progress coalescing sends each.
      setClock(clockNow() + 1_000);
      await fireNextAlarm(jobId);
    }
    const complete = await socket.waitFor('job_complete');
    expect(complete.payload).toMatchObject({
      summary: { totalProcessed: 5, successCount: 5, failureCount: 0 },
      totalDetected: 7,
      approved: 7,
      needsReview: 0,
    });
    expect(socket.frames.filter((f) => f.type === 'job_progress').map((f) => f.payload.currentItem)).toEqual([
      'Photo 1',
      'Photo 2',
      'Photo 3',
      'Photo 4',
      'Photo 5',
    ]);
    const scan = await results(jobId, job.token);
    expect(scan.books.map((b) => [b.photoIndex, b.isbn]).sort()).toEqual(
      SHELVES.flatMap((isbns, photo) => isbns.map((isbn) => [photo, isbn])).sort(),
    );
    expect(
      scan.books
        .filter((b) => b.work)
        .map((b) => b.title)
        .sort(),
    ).toEqual([
      'Clean Code',
      'Dune',
      'Pride and Prejudice',
      'Sapiens: A Brief History of Humankind',
      'The Great Gatsby',
      'The Hobbit',
    ]);
  });

  it('resumes after a restart without scanning a photo twice', async () => {
    const jobId = newJobId();
    const job = await start(jobId);
    await fireNextAlarm(jobId);
    await fireNextAlarm(jobId);
    await abortAllDurableObjects();
    for (let photo = 2; photo < 5; photo++) await fireNextAlarm(jobId);
    const finished = plain<JobState>(await stubFor(jobId).getState(job.token));
    expect(finished).toMatchObject({ ok: true, value: { status: 'completed', processedCount: 5, successCount: 5 } });
    const scan = await results(jobId, job.token);
    expect(scan.totalDetected).toBe(7);
    expect(new Set(scan.books.map((b) => b.isbn)).size).toBe(7);
  });

  it('accepts and scans a photo larger than one storage row holds, in its own step', async () => {
    const big = await makeShelfPhoto({ width: 2200, height: 1650, isbns: ['9780547928227'], format: 'png', seed: 9 });
    const small = await makeShelfPhoto({ width: 800, height: 600, isbns: ['9780441172719'], format: 'jpeg', seed: 3 });
    const data = Buffer.from(big).toString('base64');
    // A SQLite row in a Durable Object holds at most 2 MB.
    expect(data.length).toBeGreaterThan(2 * 1024 * 1024);
    const jobId = newJobId();
    const images = [
      { index: 0, data },
      { index: 1, data: Buffer.from(small).toString('base64') },
    ];
    const started = plain<StartedJob>(await stubFor(jobId).startJob({ jobId, input: { pipeline: 'ai_scan', images } }));
    if (!started.ok) throw new Error(`startJob failed: ${started.code} ${started.message}`);
    const socket = await connectReady(jobId, started.value.token);
    setClock(clockNow() + 1_000);
    await fireNextAlarm(jobId);
    const afterFirst = plain<JobState>(await stubFor(jobId).getState(started.value.token));
    expect(afterFirst).toMatchObject({ ok: true, value: { status: 'running', processedCount: 1, totalCount: 2 } });
    setClock(clockNow() + 1_000);
    await fireNextAlarm(jobId);
    await socket.waitFor('job_complete');
    expect(socket.frames.filter((f) => f.type === 'job_progress').map((f) => f.payload.currentItem)).toEqual([
      'Photo 1',
      'Photo 2',
    ]);
    const scan = await results(jobId, started.value.token);
    expect(scan.books.map((b) => [b.photoIndex, b.isbn, b.title, b.reviewStatus])).toEqual([
      [0, '9780547928227', 'The Hobbit', 'verified'],
      [1, '9780441172719', 'Dune', 'verified'],
    ]);
  });
});
