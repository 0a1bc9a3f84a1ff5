// Work items larger than one SQLite row: stored in parts, joined on read, through the store and
// through a real job (startJob, then an alarm-driven step).
import { runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobStore } from '../../src/durable/job-store';
import { ITEM_PART_MAX_BYTES } from '../../src/durable/storage-schema';
import { createJob, jobRulesFrom } from '../../src/jobs/job-machine';
import { DEFAULT_TOKEN_POLICY } from '../../src/jobs/token-policy';
import { overridePipelineForTests, type EnginePipeline } from '../../src/jobs/pipeline-registry';
import type { ItemOutcome, WorkItem } from '../../src/pipelines/pipeline';
import { T0, fireNextAlarm, newJobId, plain, stubFor, useClock, restoreClock } from '../helpers/durable';
import type { JobState } from '@bookstrack/generated/schemas';
import type { StartedJob } from '../../src/durable/job-api';

beforeEach(() => useClock());
afterEach(() => {
  overridePipelineForTests('batch_enrichment', undefined);
  restoreClock();
});

/** About 2.6 MB of UTF-8 with multi-byte characters, so part boundaries fall inside characters. */
function bigText(seed: string): string {
  return `${seed}:${'é📚ab'.repeat(320_000)}`;
}

interface PartRow extends Record<string, SqlStorageValue> {
  idx: number;
  part: number;
  size: number;
}

/** The BLOB parts of the item chunks (a chunk that fits one row is one TEXT row, not listed). */
function partRows(sql: SqlStorage): PartRow[] {
  return sql
    .exec<PartRow>(
      "SELECT start AS idx, part, length(data) AS size FROM chunks WHERE kind = 0 AND typeof(data) = 'blob' ORDER BY start, part",
    )
    .toArray();
}

/** Rows of chunk kind 1 (outcomes): how many and where they start. */
function outcomeRows(sql: SqlStorage): number[] {
  return sql
    .exec<{ start: number }>('SELECT start FROM chunks WHERE kind = 1 ORDER BY start, part')
    .toArray()
    .map((r) => Number(r.start));
}

const okOutcome = (n: number): ItemOutcome => ({ ok: true, value: { n } });

function insertJob(store: JobStore, items: WorkItem[], itemsPerChunk = 2): void {
  const { job } = createJob(
    { jobId: 'job-store-test', pipeline: 'batch_enrichment', totalCount: items.length, itemCount: items.length },
    T0,
    jobRulesFrom(DEFAULT_TOKEN_POLICY),
  );
  store.save(job);
  store.insertItems(items, undefined, itemsPerChunk);
}

describe('JobStore items', () => {
  it('stores a chunk holding a 2.6 MB item in parts of at most 1 MB and reads it back whole', async () => {
    const big = { title: 'Big', text: bigText('one') };
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      state.storage.transactionSync(() => insertJob(store, [{ title: 'Small' }, big, { title: 'Last' }]));
      const parts = partRows(state.storage.sql);
      const chunkBytes = new TextEncoder().encode(JSON.stringify([{ title: 'Small' }, big])).length;
      expect(parts.map((p) => [p.idx, p.part])).toEqual([
        [0, 0],
        [0, 1],
        [0, 2],
      ]);
      expect(parts.every((p) => p.size <= ITEM_PART_MAX_BYTES)).toBe(true);
      expect(parts.reduce((sum, p) => sum + p.size, 0)).toBe(chunkBytes);
      expect(store.slice(0, 3).map((s) => s.item)).toEqual([{ title: 'Small' }, big, { title: 'Last' }]);
      expect(store.slice(1, 1)).toEqual([{ index: 1, item: big, outcome: null }]);
      expect(store.slice(2, 5)).toEqual([{ index: 2, item: { title: 'Last' }, outcome: null }]);
    });
  });

  it('replaces a chunk and its parts when the same chunk is written again', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      state.storage.transactionSync(() => insertJob(store, [{ text: bigText('first') }]));
      store.insertItems([{ text: bigText('second') }]);
      expect(store.slice(0, 1)[0]?.item).toEqual({ text: bigText('second') });
      expect(partRows(state.storage.sql)).toHaveLength(3);
      store.insertItems([{ title: 'now small' }]);
      expect(store.slice(0, 1)[0]?.item).toEqual({ title: 'now small' });
      expect(partRows(state.storage.sql)).toEqual([]);
    });
  });

  it('leaves neither the job nor any part behind when the storing transaction fails', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      expect(() =>
        state.storage.transactionSync(() => {
          insertJob(store, [{ text: bigText('lost') }]);
          throw new Error('token commit failed');
        }),
      ).toThrow('token commit failed');
      expect(store.get()).toBeUndefined();
      expect(store.slice(0, 1)).toEqual([]);
      expect(partRows(state.storage.sql)).toEqual([]);
    });
  });

  it('drops the parts with the results', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      state.storage.transactionSync(() => insertJob(store, [{ text: bigText('gone') }]));
      store.deleteResults();
      expect(partRows(state.storage.sql)).toEqual([]);
      expect(store.slice(0, 1)).toEqual([]);
      expect(store.get()?.jobId).toBe('job-store-test');
    });
  });
});

describe('JobStore outcomes', () => {
  it('stores a step over its chunk as one row and a retried step rewrites that row', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      insertJob(store, [{ n: 0 }, { n: 1 }, { n: 2 }], 2);
      store.writeOutcomes([0, 1].map((index) => ({ index, outcome: okOutcome(index) })));
      expect(outcomeRows(state.storage.sql)).toEqual([0]);
      store.writeOutcomes([0, 1].map((index) => ({ index, outcome: okOutcome(index + 10) })));
      expect(outcomeRows(state.storage.sql)).toEqual([0]);
      store.writeOutcomes([{ index: 2, outcome: okOutcome(2) }]);
      expect(outcomeRows(state.storage.sql)).toEqual([0, 2]);
      expect(store.outcomes()).toEqual([
        { index: 0, outcome: okOutcome(10) },
        { index: 1, outcome: okOutcome(11) },
        { index: 2, outcome: okOutcome(2) },
      ]);
    });
  });

  it('keeps preset outcomes and the rest of a chunk when a step covers only part of it', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      const preset: ItemOutcome = { ok: false, error: { code: 'INVALID_REQUEST', message: 'Line 3: bad' } };
      store.insertItems([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }], new Map([[2, preset]]), 4);
      expect(store.slice(0, 4).map((s) => s.outcome)).toEqual([null, null, preset, null]);
      store.writeOutcomes([{ index: 0, outcome: okOutcome(0) }]);
      store.writeOutcomes([{ index: 3, outcome: okOutcome(3) }]);
      expect(outcomeRows(state.storage.sql)).toEqual([0]);
      expect(store.slice(0, 4).map((s) => s.outcome)).toEqual([okOutcome(0), null, preset, okOutcome(3)]);
      expect(store.outcomes().map((o) => o.index)).toEqual([0, 2, 3]);
    });
  });
});

describe('a job with an item over 2 MB', () => {
  it('round-trips the item through startJob and a step', async () => {
    const seen: WorkItem[] = [];
    const pipeline: EnginePipeline = {
      type: 'batch_enrichment',
      stepSize: 2,
      plan: (input) => {
        if (input.pipeline !== 'batch_enrichment') throw new Error('wrong input');
        return {
          items: input.books.map((b) => ({ title: b.title, text: bigText(b.title) })),
          totalCount: input.books.length,
        };
      },
      async runStep(items) {
        seen.push(...items);
        return items.map((item) => ({
          ok: true as const,
          value: { title: item.title, chars: String(item.text).length },
        }));
      },
      describeItem: (item) => String(item.title),
      buildResults: () => ({ books: [] }),
    };
    overridePipelineForTests('batch_enrichment', pipeline);
    const jobId = newJobId();
    const started = plain<StartedJob>(
      await stubFor(jobId).startJob({
        jobId,
        input: { pipeline: 'batch_enrichment', books: [{ title: 'Alpha' }, { title: 'Beta' }] },
      }),
    );
    if (!started.ok) throw new Error(`startJob failed: ${started.code} ${started.message}`);
    const stored = await runInDurableObject(stubFor(jobId), (_, state) => partRows(state.storage.sql));
    // stepSize 2: both items share one chunk, about 5.1 MB, so six parts.
    expect(stored.map((p) => [p.idx, p.part])).toEqual([0, 1, 2, 3, 4, 5].map((part) => [0, part]));
    await fireNextAlarm(jobId);
    expect(seen).toEqual([
      { title: 'Alpha', text: bigText('Alpha') },
      { title: 'Beta', text: bigText('Beta') },
    ]);
    const state = plain<JobState>(await stubFor(jobId).getState(started.value.token));
    expect(state).toMatchObject({ ok: true, value: { status: 'completed', processedCount: 2, successCount: 2 } });
  });
});
