// Work items larger than one SQLite row: stored in parts, joined on read, through the store and
// through a real job (startJob, then an alarm-driven step).
import { runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobStore } from '../../src/durable/job-store';
import { ITEM_PART_MAX_BYTES } from '../../src/durable/storage-schema';
import { createJob, jobRulesFrom } from '../../src/jobs/job-machine';
import { DEFAULT_TOKEN_POLICY } from '../../src/jobs/token-policy';
import { overridePipelineForTests, type EnginePipeline } from '../../src/jobs/pipeline-registry';
import type { WorkItem } from '../../src/pipelines/pipeline';
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

function partRows(sql: SqlStorage): PartRow[] {
  return sql.exec<PartRow>('SELECT idx, part, length(bytes) AS size FROM item_parts ORDER BY idx, part').toArray();
}

function insertJob(store: JobStore, items: WorkItem[]): void {
  const { job } = createJob(
    { jobId: 'job-store-test', pipeline: 'batch_enrichment', totalCount: items.length, itemCount: items.length },
    T0,
    jobRulesFrom(DEFAULT_TOKEN_POLICY),
  );
  store.save(job);
  store.insertItems(items);
}

describe('JobStore items', () => {
  it('stores a 2.6 MB item in parts of at most 1 MB and reads it back whole, beside inline items', async () => {
    const big = { title: 'Big', text: bigText('one') };
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      state.storage.transactionSync(() => insertJob(store, [{ title: 'Small' }, big, { title: 'Last' }]));
      const parts = partRows(state.storage.sql);
      expect(parts.map((p) => [p.idx, p.part])).toEqual([
        [1, 0],
        [1, 1],
        [1, 2],
      ]);
      expect(parts.every((p) => p.size <= ITEM_PART_MAX_BYTES)).toBe(true);
      expect(parts.reduce((sum, p) => sum + p.size, 0)).toBe(new TextEncoder().encode(JSON.stringify(big)).length);
      expect(store.slice(0, 3).map((s) => s.item)).toEqual([{ title: 'Small' }, big, { title: 'Last' }]);
      expect(store.slice(1, 1)).toEqual([{ index: 1, item: big, outcome: null }]);
    });
  });

  it('replaces an item and its parts when the same index is written again', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const store = new JobStore(state.storage.sql);
      state.storage.transactionSync(() => insertJob(store, [{ text: bigText('first') }]));
      store.putItem(0, { text: bigText('second') });
      expect(store.slice(0, 1)[0]?.item).toEqual({ text: bigText('second') });
      expect(partRows(state.storage.sql)).toHaveLength(3);
      store.putItem(0, { title: 'now small' });
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
    expect(stored.map((p) => [p.idx, p.part])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    await fireNextAlarm(jobId);
    expect(seen).toEqual([
      { title: 'Alpha', text: bigText('Alpha') },
      { title: 'Beta', text: bigText('Beta') },
    ]);
    const state = plain<JobState>(await stubFor(jobId).getState(started.value.token));
    expect(state).toMatchObject({ ok: true, value: { status: 'completed', processedCount: 2, successCount: 2 } });
  });
});
