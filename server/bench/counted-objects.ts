// Bench-only subclasses of the real Durable Objects: the same code, with every billed event and
// storage call counted (cost-counters.ts). The ProgressSocket one also lets the progress-delivery
// bench drive a job's steps from the client (bench-frames.ts); nothing else differs.
import type { CancelResult, JobState, PipelineType, TokenRefreshResult } from '@bookstrack/generated/schemas';
import { ProgressSocket } from '../src/durable/progress-socket';
import { RateLimiter } from '../src/durable/rate-limiter';
import type { JobResult, PipelineResults, StartedJob, StartJobRequest } from '../src/durable/job-api';
import type { RateDecision } from '../src/http/rate-limit-window';
import { LIMITS } from '@bookstrack/generated/constants';
import { minProgressIntervalMs } from '../src/jobs/progress-coalescer';
import { TIMER_KIND, type Timer } from '../src/jobs/timers';
import type { WorkerVars } from '../src/vars';
import { BENCH_FRAME } from './bench-frames';
import { StorageMeter } from './cost-counters';

export class CountedProgressSocket extends ProgressSocket {
  private readonly meter: StorageMeter;
  /** Memory only: a driven object lives for the few seconds its bench client keeps it busy. */
  private isDriven = false;
  private isStepping = false;
  private lastStepAt = 0;

  constructor(ctx: DurableObjectState, env: WorkerVars) {
    const meter = new StorageMeter('ProgressSocket');
    meter.install(ctx);
    super(ctx, env);
    this.meter = meter;
  }

  override startJob(request: StartJobRequest): Promise<JobResult<StartedJob>> {
    return this.meter.event('rpc', () => super.startJob(request));
  }

  override getState(token: string): Promise<JobResult<JobState>> {
    return this.meter.event('rpc', () => super.getState(token));
  }

  override cancel(token: string): Promise<JobResult<CancelResult>> {
    return this.meter.event('rpc', () => super.cancel(token));
  }

  override refreshToken(oldToken: string): Promise<JobResult<TokenRefreshResult>> {
    return this.meter.event('rpc', () => super.refreshToken(oldToken));
  }

  override getResults(token: string, pipeline: PipelineType): Promise<JobResult<PipelineResults>> {
    return this.meter.event('rpc', () => super.getResults(token, pipeline));
  }

  override fetch(request: Request): Promise<Response> {
    return this.meter.event('fetch', () => super.fetch(request));
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    return this.meter.event('message', async () => {
      if (message === BENCH_FRAME.DRIVE) {
        this.isDriven = true;
        return;
      }
      if (message === BENCH_FRAME.STEP) return this.stepNow();
      return super.webSocketMessage(ws, message);
    });
  }

  override webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    return this.meter.event('close', () => super.webSocketClose(ws, code, reason));
  }

  override alarm(): Promise<void> {
    return this.meter.event('alarm', () => super.alarm());
  }

  /** A driven job's steps run only from stepNow(); the alarm's own job_step does nothing. */
  protected override runTimer(timer: Timer, now: number): Promise<void> {
    if (this.isDriven && !this.isStepping && timer.kind === TIMER_KIND.JOB_STEP) return Promise.resolve();
    return super.runTimer(timer, now);
  }

  /**
   * The real job_step timer body (JobEngine.step), run inside this socket event instead of an alarm.
   * Its `now` is at least one coalescing interval after the previous step's (time is an input), so
   * every driven step emits its job_progress even when the shared machine delays a marker.
   */
  private async stepNow(): Promise<void> {
    this.isStepping = true;
    try {
      const now = Math.max(Date.now(), this.lastStepAt + minProgressIntervalMs(LIMITS.WS_MAX_PROGRESS_PER_SECOND));
      this.lastStepAt = now;
      const timer: Timer = { id: 0, kind: TIMER_KIND.JOB_STEP, key: '', dueAt: 0, attempts: 0, rev: 0 };
      await this.runTimer(timer, now);
    } finally {
      this.isStepping = false;
    }
  }
}

export class CountedRateLimiter extends RateLimiter {
  private readonly meter: StorageMeter;

  constructor(ctx: DurableObjectState, env: WorkerVars) {
    const meter = new StorageMeter('RateLimiter');
    meter.install(ctx);
    super(ctx, env);
    this.meter = meter;
  }

  override hit(limit: number, windowSeconds: number): Promise<RateDecision> {
    return this.meter.event('rpc', () => super.hit(limit, windowSeconds));
  }

  override alarm(): Promise<void> {
    return this.meter.event('alarm', () => super.alarm());
  }
}
