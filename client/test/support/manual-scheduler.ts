// A scheduler the test drives by hand: it records every requested delay and runs timers on demand,
// so reconnect timing is asserted as values without fake timers or real waiting.
import type { Scheduler } from '../../src/socket-types';

interface PendingTimer {
  id: number;
  run: () => void;
  delayMs: number;
}

export class ManualScheduler implements Scheduler {
  readonly delays: number[] = [];
  private pending: PendingTimer[] = [];
  private nextId = 1;

  setTimeout(run: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.delays.push(delayMs);
    this.pending.push({ id, run, delayMs });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Runs every pending timer once. */
  runAll(): void {
    const due = this.pending;
    this.pending = [];
    for (const timer of due) timer.run();
  }
}
