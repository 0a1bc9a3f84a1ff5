// ProgressSocket: one Durable Object per job. A thin shell over the pure job machine and token
// rules: it reads its clock once per entry point, decodes, calls the rules, applies their effects.
// Nothing throws out of a socket handler or alarm().
import { CLOSE_CODES, CLOSE_REASONS, ERROR_CODE, MESSAGE_TYPE } from '@bookstrack/generated/constants';
import type { CancelResult, JobState, PipelineType, TokenRefreshResult } from '@bookstrack/generated/schemas';
import { DurableObject } from 'cloudflare:workers';
import { clockFor, type Clock } from '../clock';
import { decodeClientFrame } from '../jobs/client-frames';
import { readyAckMessage, reconnectedMessage } from '../jobs/frames';
import { cancelJob, createJob, expireResults, jobRulesFrom, startOnReady, type JobRules } from '../jobs/job-machine';
import type { JobSnapshot } from '../jobs/job-snapshot';
import { toJobState } from '../jobs/job-view';
import { resolvePipeline } from '../jobs/pipeline-registry';
import { chooseEchoProtocol, parseOfferedProtocols, selectToken } from '../jobs/subprotocol';
import { resolveTokenPolicy, type TokenPolicy } from '../jobs/token-policy';
import { decideAdmission, recordConnectAttempt, type ConnectAttempts } from '../jobs/socket-admission';
import { isAccepted } from '../jobs/tokens';
import { dueTimers, TIMER_KIND, TIMER_RETRY_BASE_MS, type Timer } from '../jobs/timers';
import type { WorkerVars } from '../vars';
import { applyTransition, storeTransition, type EffectTargets } from './apply-effects';
import { JobEngine } from './job-engine';
import {
  fail,
  ok,
  type JobApi,
  type JobResult,
  type PipelineResults,
  type StartedJob,
  type StartJobRequest,
} from './job-api';
import { logForJob, safely } from './job-log';
import { JobStore } from './job-store';
import { SocketHub } from './socket-hub';
import { migrateLegacyItems } from './legacy-items';
import { ensureSchema } from './storage-schema';
import { TimerStore } from './timer-store';
import { rejectStanding, TokenLifecycle } from './token-lifecycle';
import { TokenStore } from './token-store';
import { replyCloseCode, startFailure } from './socket-close';

/**
 * Most job steps one alarm invocation runs back to back (each its own transaction, frame and clock
 * read). Saves an alarm round trip per step; small enough that one invocation stays short.
 */
export const ALARM_ROUNDS = 8;

export class ProgressSocket extends DurableObject<WorkerVars> implements JobApi {
  private readonly clock: Clock;
  private readonly policy: TokenPolicy;
  private readonly rules: JobRules;
  private readonly jobs: JobStore;
  private readonly timers: TimerStore;
  private readonly hub: SocketHub;
  private readonly targets: EffectTargets;
  private readonly lifecycle: TokenLifecycle;
  private readonly engine: JobEngine;
  /**
   * In memory on purpose: the storm rule needs only the last 10 s of attempts, and an object hibernates
   * only after 10 s without any event (each attempt is one), so hibernation loses nothing the rule
   * still counts. Any other restart also drops every socket; it forgives a storm once, at worst.
   */
  private connectAttempts: ConnectAttempts = [];

  constructor(ctx: DurableObjectState, env: WorkerVars) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    ensureSchema(sql);
    this.clock = clockFor(env);
    this.policy = resolveTokenPolicy(env);
    this.rules = jobRulesFrom(this.policy);
    this.jobs = new JobStore(sql);
    // An object from before chunked storage moves its items into chunks the first time it wakes.
    const migrated = ctx.storage.transactionSync(() => migrateLegacyItems(sql, this.jobs));
    if (migrated) logForJob(this.jobs, 'storage.migrated', { ...migrated });
    this.timers = new TimerStore(sql, ctx.storage);
    this.hub = new SocketHub(ctx, env.VALIDATE_RESPONSES === 'true');
    const tokens = new TokenStore(sql);
    this.targets = {
      storage: ctx.storage,
      jobs: this.jobs,
      tokens,
      timers: this.timers,
      hub: this.hub,
      abortStep: () => this.engine.abortStep(),
      log: (event, detail, isFailure) => logForJob(this.jobs, event, detail, isFailure),
    };
    this.lifecycle = new TokenLifecycle(this.targets, tokens, this.policy, () => crypto.randomUUID());
    this.engine = new JobEngine({
      env,
      clock: this.clock,
      jobs: this.jobs,
      rules: this.rules,
      targets: this.targets,
      resolve: (job) => this.pipelineFor(job.pipeline),
    });
  }

  // ---- RPC (JobApi) ----

  async startJob(request: StartJobRequest): Promise<JobResult<StartedJob>> {
    const now = this.clock.now();
    const pipelineType = request.input.pipeline;
    if (this.jobs.get()) return fail(ERROR_CODE.CONFLICT, `Job ${request.jobId} already exists`);
    const pipeline = resolvePipeline(pipelineType, this.env);
    if (!pipeline) return fail(ERROR_CODE.INTERNAL_ERROR, `The ${pipelineType} pipeline is not available`);
    let plan;
    try {
      plan = await pipeline.plan(request.input, this.env);
    } catch (error) {
      return startFailure(error);
    }
    const { issued, commit } = await this.lifecycle.prepareIssue(now);
    if (this.jobs.get()) return fail(ERROR_CODE.CONFLICT, `Job ${request.jobId} already exists`);
    const created = createJob(
      {
        jobId: request.jobId,
        pipeline: pipelineType,
        totalCount: plan.totalCount,
        itemCount: plan.items.length,
        estimatedDurationMs: plan.estimatedDurationMs,
      },
      now,
      this.rules,
    );
    this.ctx.storage.transactionSync(() => {
      storeTransition(this.targets, created);
      this.jobs.insertItems(plan.items, plan.presetOutcomes, pipeline.stepSize);
      commit();
    });
    await this.timers.arm();
    return ok({
      jobId: request.jobId,
      pipeline: pipelineType,
      token: issued.token,
      expiresAt: new Date(issued.expiresAt).toISOString(),
      totalCount: plan.totalCount,
    });
  }

  async getState(token: string): Promise<JobResult<JobState>> {
    const auth = await this.authorize(token, this.clock.now());
    if (!auth.ok) return auth;
    return ok(toJobState(auth.value, this.lifecycle.currentExpiresAt() ?? auth.value.createdAt));
  }

  async cancel(token: string): Promise<JobResult<CancelResult>> {
    const now = this.clock.now();
    const auth = await this.authorize(token, now);
    if (!auth.ok) return auth;
    const { outcome } = this.cancelNow(now);
    await this.timers.arm();
    if (outcome === 'finished')
      return fail(ERROR_CODE.CONFLICT, `Job ${auth.value.jobId} already ${auth.value.status}`);
    return ok({ jobId: auth.value.jobId, status: 'canceled' });
  }

  async refreshToken(oldToken: string): Promise<JobResult<TokenRefreshResult>> {
    const job = this.jobs.get();
    if (!job) return fail(ERROR_CODE.NOT_FOUND, 'Job not found');
    const now = this.clock.now();
    const refreshed = await this.lifecycle.refreshViaHttp(oldToken, now);
    await this.timers.arm();
    if (!refreshed.ok) return refreshed;
    const { token, expiresAt } = refreshed.value;
    return ok({
      jobId: job.jobId,
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      expiresIn: Math.max(1, Math.round((expiresAt - now) / 1000)),
    });
  }

  async getResults(token: string, pipeline: PipelineType): Promise<JobResult<PipelineResults>> {
    const now = this.clock.now();
    const auth = await this.authorize(token, now);
    if (!auth.ok) return auth;
    const job = auth.value;
    if (job.pipeline !== pipeline) return fail(ERROR_CODE.NOT_FOUND, `No ${pipeline} job ${job.jobId}`);
    if (job.status !== 'completed') {
      return fail(ERROR_CODE.CONFLICT, `Job ${job.jobId} is ${job.status}; results exist once it has completed`);
    }
    if (job.isResultsDeleted || job.resultsExpiresAt === null || now >= job.resultsExpiresAt) {
      return fail(ERROR_CODE.NOT_FOUND, `Results of job ${job.jobId} have expired`);
    }
    const built = resolvePipeline(job.pipeline, this.env)?.buildResults(this.jobs.outcomes());
    if (!built) return fail(ERROR_CODE.INTERNAL_ERROR, `The ${pipeline} pipeline is not available`);
    return ok({ ...built, expiresAt: new Date(job.resultsExpiresAt).toISOString() } as PipelineResults);
  }

  private async authorize(token: string, now: number): Promise<JobResult<JobSnapshot>> {
    const job = this.jobs.get();
    if (!job) return fail(ERROR_CODE.NOT_FOUND, 'Job not found');
    const { standing } = await this.lifecycle.verify(token, now);
    if (!isAccepted(standing)) return rejectStanding(standing as 'expired' | 'revoked' | 'invalid');
    return ok(job);
  }

  // ---- WebSocket (Hibernation API) ----

  /** The Worker forwards the upgrade (jobId and Upgrade already checked). Auth failures close with POLICY_VIOLATION after the 101. */
  override async fetch(request: Request): Promise<Response> {
    // The Worker already answers non-upgrades with the 426 envelope; this only guards direct stub calls.
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') return new Response(null, { status: 426 });
    const offered = parseOfferedProtocols(request.headers.get('Sec-WebSocket-Protocol'));
    const token = selectToken(offered, new URL(request.url), this.env.ALLOW_QUERY_TOKEN === 'true');
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    try {
      await this.admit(server, token, this.clock.now());
    } catch (error) {
      this.logError('connect', error);
      this.hub.closeAtOnce(server, CLOSE_CODES.INTERNAL_ERROR, CLOSE_REASONS.INTERNAL_ERROR);
    }
    const echo = chooseEchoProtocol(offered);
    const headers = echo === undefined ? undefined : { 'Sec-WebSocket-Protocol': echo };
    return new Response(null, { status: 101, webSocket: client, headers });
  }

  /** Keeps the socket (hibernatable), or completes the handshake and closes it as the admission rule says. */
  private async admit(server: WebSocket, token: string | undefined, now: number): Promise<void> {
    const verification =
      token === undefined ? { standing: 'invalid' as const } : await this.lifecycle.verify(token, now);
    const job = this.jobs.get();
    const attempt = recordConnectAttempt(this.connectAttempts, now);
    this.connectAttempts = attempt.attempts;
    const admission = decideAdmission(verification.standing, this.hub.open().length, job?.status, attempt.isStorm);
    if (admission.kind === 'close') {
      const final = admission.isReplay && job?.finalMessage ? job.finalMessage : undefined;
      logForJob(this.jobs, 'socket.closed', { code: admission.code, reason: admission.reason, by: 'server' });
      return this.hub.closeAtOnce(server, admission.code, admission.reason, final);
    }
    this.ctx.acceptWebSocket(server);
    this.hub.setAttachment(server, { connectedAt: now, isReady: false });
    logForJob(this.jobs, 'socket.opened', { connections: this.hub.open().length });
    this.lifecycle.armCheck(now);
    await this.timers.arm();
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    try {
      const decoded = decodeClientFrame(message);
      if (!decoded.ok) return this.hub.close(ws, decoded.code, decoded.reason);
      const now = this.clock.now();
      const job = this.jobs.get();
      const expiresAt = this.lifecycle.currentExpiresAt();
      if (!job || expiresAt === undefined || now >= expiresAt) {
        return this.hub.close(ws, CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_EXPIRED);
      }
      if (decoded.message.type === MESSAGE_TYPE.READY) return await this.onReady(ws, job, now);
      this.cancelNow(now);
      await this.timers.arm();
    } catch (error) {
      this.logError('message', error);
      this.hub.close(ws, CLOSE_CODES.INTERNAL_ERROR, CLOSE_REASONS.INTERNAL_ERROR);
    }
  }

  /** ready → ready_ack, then job_started for a queued job (it starts now), or `reconnected` for a started one. */
  private async onReady(ws: WebSocket, job: JobSnapshot, now: number): Promise<void> {
    this.hub.setAttachment(ws, { ...this.hub.attachment(ws), isReady: true });
    this.hub.send(ws, readyAckMessage(job, now, this.hub.open().length));
    const started = startOnReady(job, now);
    if (started.isStarted) {
      applyTransition(this.targets, started);
      return this.timers.arm();
    }
    if (job.startedAt !== null) this.hub.send(ws, reconnectedMessage(job, now));
  }

  /** Cancel (RPC or WS): the machine decides, the shell applies. */
  private cancelNow(now: number): { outcome: 'canceled' | 'already_canceled' | 'finished' | 'missing' } {
    const job = this.jobs.get();
    if (!job) return { outcome: 'missing' };
    const canceled = cancelJob(job, now, this.rules);
    applyTransition(this.targets, canceled);
    return { outcome: canceled.outcome };
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Finish the close handshake (a no-op when the runtime already replied).
    this.hub.close(ws, replyCloseCode(code), reason);
    // The client's own reason text is not logged: it is whatever the client chose to send.
    logForJob(this.jobs, 'socket.closed', { code, by: 'client' });
  }

  override async webSocketError(ws: WebSocket, error: unknown): Promise<void> {
    this.logError('socket error', error);
    this.hub.close(ws, CLOSE_CODES.INTERNAL_ERROR, CLOSE_REASONS.INTERNAL_ERROR);
  }

  // ---- Alarm: the timer table ----

  /**
   * Runs every due timer once (each isolated), deletes what ran, and re-arms for the earliest. While a
   * job_step is due again at once (no pacing delay), runs another round in the same invocation, up to
   * ALARM_ROUNDS: each after the previous round's writes are confirmed (storage.sync(), so its frame
   * has left) and with the clock read afresh and later than the last round's (progress coalescing
   * sees real time between steps; a clock that has not moved ends the invocation, as one round).
   */
  override async alarm(): Promise<void> {
    let now = this.clock.now();
    try {
      for (let round = 1; ; round++) {
        for (const timer of dueTimers(this.timers.list(), now)) await this.runOnce(timer, now);
        if (round >= ALARM_ROUNDS) break;
        const previous = now;
        await this.ctx.storage.sync();
        now = this.clock.now();
        // A round only at a later time than the last: no two steps share a `now`.
        if (now <= previous || !this.timers.list().some((t) => t.kind === TIMER_KIND.JOB_STEP && t.dueAt <= now)) break;
      }
      await this.timers.arm();
    } catch (error) {
      // Storage itself failed: never throw out of alarm(), but do not strand the timers either.
      this.logError('alarm', error);
      await this.ctx.storage.setAlarm(now + TIMER_RETRY_BASE_MS).catch(() => undefined);
    }
  }

  private async runOnce(timer: Timer, now: number): Promise<void> {
    try {
      await this.runTimer(timer, now);
      this.timers.markRan(timer);
    } catch (error) {
      const action = safely(() => this.timers.markFailed(timer, now));
      const detail = error instanceof Error ? error.message : String(error);
      const event = action === 'drop' ? 'timer.dropped' : 'timer.retried';
      logForJob(this.jobs, event, { timer: timer.kind, action: action ?? 'unrecorded', detail }, true);
    }
  }

  protected async runTimer(timer: Timer, now: number): Promise<void> {
    switch (timer.kind) {
      case TIMER_KIND.JOB_STEP:
        return this.engine.step(now);
      case TIMER_KIND.TOKEN_CHECK:
        return this.lifecycle.onCheck(now);
      case TIMER_KIND.TOKEN_EXPIRY:
        return this.lifecycle.onExpiry(now);
      case TIMER_KIND.GRACE_END:
        return this.lifecycle.onGraceEnd(timer.key);
      case TIMER_KIND.REVOCATION_END:
        return this.lifecycle.onRevocationEnd(timer.key, now);
      case TIMER_KIND.RESULTS_EXPIRY:
        return this.onResultsExpiry(now);
      case TIMER_KIND.CLEANUP:
        return this.jobs.wipe();
    }
  }

  private onResultsExpiry(now: number): void {
    const job = this.jobs.get();
    if (job) applyTransition(this.targets, expireResults(job, now));
  }

  // ---- Seams for the contract simulator (server/src/simulator/simulator-socket.ts) ----

  /** The pipeline the engine runs for a job's steps (the simulator wraps it). */
  protected pipelineFor(type: PipelineType): ReturnType<typeof resolvePipeline> {
    return resolvePipeline(type, this.env);
  }

  /** Uses up one seq without sending a frame, so clients see a gap (the simulator's seq-gap scenario). */
  protected skipSeq(): void {
    const job = this.jobs.get();
    if (job) storeTransition(this.targets, { job: { ...job, seq: job.seq + 1 }, effects: [] });
  }

  private logError(where: string, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    logForJob(this.jobs, 'internal.error', { where, detail }, true);
  }
}
