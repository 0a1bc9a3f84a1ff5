// The Durable Object harness: a manual clock (src/clock.ts), a tiny test pipeline, RPC stubs, and
// alarms driven to their due time (never waited for).
import { LIMITS } from '@bookstrack/generated/constants';
import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { ManualClock, useClockForTests } from '../../src/clock';
import type { ProgressSocket } from '../../src/durable/progress-socket';
import type { JobResult, StartedJob } from '../../src/durable/job-api';
import type { Env } from '../../src/env';
import { overridePipelineForTests, type EnginePipeline } from '../../src/jobs/pipeline-registry';
import type { ItemOutcome, WorkItem } from '../../src/pipelines/pipeline';

export const MIN = 60_000;
/** Far ahead of the real clock, so no alarm ever fires by itself while a test drives them. */
export const T0 = Date.UTC(2035, 0, 1, 10);
/** When a job created at T0 starts if no socket says `ready`: its start deadline (x-limits startDeadlineMs). */
export const UNWATCHED_START = T0 + LIMITS.WS_START_DEADLINE_MS;

let testClock: ManualClock | undefined;

/** Gives every Durable Object of this isolate (ENVIRONMENT "test") a manual clock at `at`. */
export function useClock(at = T0): ManualClock {
  testClock = new ManualClock(at);
  useClockForTests(testClock);
  return testClock;
}

export function setClock(at: number): void {
  if (!testClock) throw new Error('setClock before useClock');
  testClock.set(at);
}

/** The manual clock's time. */
export function clockNow(): number {
  if (!testClock) throw new Error('clockNow before useClock');
  return testClock.now();
}

export function restoreClock(): void {
  testClock = undefined;
  useClockForTests(undefined);
}

export function newJobId(): string {
  return `job-${crypto.randomUUID()}`;
}

export function stubFor(jobId: string): DurableObjectStub<ProgressSocket> {
  const bindings = env as unknown as Env;
  return bindings.PROGRESS_SOCKET.get(bindings.PROGRESS_SOCKET.idFromName(jobId));
}

/** RPC results arrive wrapped in stub types; tests read them as the plain JobResult they are. */
export function plain<T>(result: unknown): JobResult<T> {
  return result as JobResult<T>;
}

export interface TestPipelineOptions {
  stepSize?: number;
  minStepIntervalMs?: number;
  /** Titles whose step throws (the pipeline fails). */
  throwOn?: string;
  /** Called before each step returns; lets a test act mid-step. */
  onStep?: (items: WorkItem[]) => Promise<void> | void;
}

/** A batch_enrichment stand-in: one item per title, every item "found" unless its title starts with "bad". */
export function installTestPipeline(options: TestPipelineOptions = {}): EnginePipeline {
  const pipeline: EnginePipeline = {
    type: 'batch_enrichment',
    stepSize: options.stepSize ?? 1,
    minStepIntervalMs: options.minStepIntervalMs,
    plan(input) {
      if (input.pipeline !== 'batch_enrichment') throw new Error('wrong input');
      return {
        items: input.books.map((b) => ({ title: b.title })),
        totalCount: input.books.length,
        estimatedDurationMs: 1000,
      };
    },
    async runStep(items) {
      await options.onStep?.(items);
      if (items.some((i) => i.title === options.throwOn)) throw new Error('provider exploded');
      return items.map((i): ItemOutcome =>
        String(i.title).startsWith('bad')
          ? { ok: false, error: { code: 'NOT_FOUND', message: 'no match' } }
          : { ok: true, value: { title: i.title } },
      );
    },
    describeItem: (item) => String(item.title),
    buildResults: (outcomes) => ({
      books: outcomes.map(({ index, outcome }) => ({
        index,
        input: { title: String(outcome.value?.title ?? `book ${index}`) },
        status: outcome.ok ? ('found' as const) : ('not_found' as const),
      })),
    }),
  };
  overridePipelineForTests('batch_enrichment', pipeline);
  return pipeline;
}

export function removeTestPipeline(): void {
  overridePipelineForTests('batch_enrichment', undefined);
}

export async function startJob(jobId: string, titles: string[]): Promise<StartedJob> {
  const result = plain<StartedJob>(
    await stubFor(jobId).startJob({
      jobId,
      input: { pipeline: 'batch_enrichment', books: titles.map((title) => ({ title })) },
    }),
  );
  if (!result.ok) throw new Error(`startJob failed: ${result.code} ${result.message}`);
  return result.value;
}

export function titles(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Book ${i + 1}`);
}

/** The alarm time the object has armed, or null. */
export async function armedAlarm(jobId: string): Promise<number | null> {
  return runInDurableObject(stubFor(jobId), (_, state) => state.storage.getAlarm());
}

/** Moves the clock to the armed alarm and runs it; returns the time it ran at, or null when none was armed. */
export async function fireNextAlarm(jobId: string): Promise<number | null> {
  const at = await armedAlarm(jobId);
  if (at === null) return null;
  if (at > clockNow()) setClock(at);
  await runDurableObjectAlarm(stubFor(jobId));
  return at;
}

/** Fires alarms in order until the clock would pass `until`; returns how many ran. */
export async function fireAlarmsUntil(jobId: string, until: number): Promise<number> {
  let fired = 0;
  for (let at = await armedAlarm(jobId); at !== null && at <= until; at = await armedAlarm(jobId)) {
    await fireNextAlarm(jobId);
    fired += 1;
  }
  if (clockNow() < until) setClock(until);
  return fired;
}

export async function timerKinds(jobId: string): Promise<string[]> {
  return runInDurableObject(stubFor(jobId), (_, state) =>
    state.storage.sql
      .exec<{ kind: string }>('SELECT kind FROM timers ORDER BY kind')
      .toArray()
      .map((r) => r.kind),
  );
}
