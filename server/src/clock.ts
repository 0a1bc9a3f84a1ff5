// The one module that reads the real clock. Every rule takes `now` as an argument; each entry point
// (a request, a Durable Object's fetch, RPC, socket handler or alarm) reads its Clock once.
import type { WorkerVars } from './vars';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told: tests drive long timelines with it instead of faking Date. */
export class ManualClock implements Clock {
  constructor(private at: number) {}

  now(): number {
    return this.at;
  }

  set(at: number): void {
    this.at = at;
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

let testClock: Clock | undefined;

/** The clock for code running with these vars: a test's clock only where ENVIRONMENT is "test". */
export function clockFor(vars: Pick<WorkerVars, 'ENVIRONMENT'>): Clock {
  return vars.ENVIRONMENT === 'test' && testClock !== undefined ? testClock : systemClock;
}

/** Tests only (honoured solely where ENVIRONMENT is "test"): undefined restores the system clock. */
export function useClockForTests(clock: Clock | undefined): void {
  testClock = clock;
}
