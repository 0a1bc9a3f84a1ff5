// SimulatorSocket: the real ProgressSocket (same frames, validators, token rules, close codes) run
// under a scenario's policy, plus the scenario's one deliberate move. The scenario comes from the
// object's name (a simulator job id, simulator-job-id.ts) and is stored on first use, so alarms and
// restarts run under the same policy. Bound only by wrangler.simulator.jsonc.
import { ERROR_CODE, SUBPROTOCOL } from '@bookstrack/generated/constants';
import type { PipelineType } from '@bookstrack/generated/schemas';
import { fail, type JobResult, type StartedJob } from '../durable/job-api';
import { ProgressSocket } from '../durable/progress-socket';
import { TIMER_KIND, type Timer } from '../jobs/timers';
import type { WorkerVars } from '../vars';
import { SIMULATOR_ENVIRONMENT, type SimulatorApi } from './simulator-api';
import { scenarioOfJobId } from './simulator-job-id';
import { findScenario, scenarioInput, type ScenarioPlan } from './scenarios';

// The simulator's own row, beside (never inside) the ProgressSocket's tables.
const SCENARIO_TABLE_SQL =
  'CREATE TABLE IF NOT EXISTS simulator_scenario (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, token TEXT)';

interface ScenarioRow extends Record<string, SqlStorageValue> {
  name: string;
  token: string | null;
}

function storedRow(ctx: DurableObjectState): ScenarioRow | undefined {
  const sql = ctx.storage.sql;
  sql.exec(SCENARIO_TABLE_SQL);
  return sql.exec<ScenarioRow>('SELECT name, token FROM simulator_scenario WHERE id = 1').toArray()[0];
}

/** The object's scenario: stored, else named by its own id (idFromName(jobId)). */
function scenarioOf(ctx: DurableObjectState): ScenarioPlan | undefined {
  return findScenario(storedRow(ctx)?.name) ?? scenarioOfJobId(ctx.id.name);
}

export class SimulatorSocket extends ProgressSocket implements SimulatorApi {
  private readonly scenario: ScenarioPlan | undefined;
  /** Sockets the simulator itself keeps open (too-many-connections); memory only. */
  private readonly held: WebSocket[] = [];
  private isSeqSkipped = false;
  private lastStep = 0;

  constructor(ctx: DurableObjectState, env: WorkerVars) {
    const scenario = scenarioOf(ctx);
    super(ctx, scenario ? { ...env, ...scenario.vars } : env);
    this.scenario = scenario;
  }

  /** Creates the scenario's job (refused anywhere but the simulator) and makes its opening move. */
  async startScenario(jobId: string): Promise<JobResult<StartedJob>> {
    if (this.env.ENVIRONMENT !== SIMULATOR_ENVIRONMENT) {
      return fail(ERROR_CODE.NOT_FOUND, 'The contract simulator runs only under npm run simulate');
    }
    const scenario = this.scenario;
    if (!scenario || scenarioOfJobId(jobId)?.name !== scenario.name) {
      return fail(ERROR_CODE.INTERNAL_ERROR, `Job ${jobId} is not a simulator job of this object`);
    }
    const started = await this.startJob({ jobId, input: scenarioInput(scenario) });
    if (!started.ok) return started;
    this.ctx.storage.sql.exec(
      'INSERT OR REPLACE INTO simulator_scenario (id, name, token) VALUES (1, ?, ?)',
      scenario.name,
      started.value.token,
    );
    if (scenario.moves.rotatesAtStart) {
      const rotated = await this.refreshToken(started.value.token);
      if (!rotated.ok) return rotated;
      this.ctx.storage.sql.exec('UPDATE simulator_scenario SET token = ? WHERE id = 1', rotated.value.token);
    }
    return started;
  }

  /** A client connect: the scenario's held sockets or storm come first, then the real admission. */
  override async fetch(request: Request): Promise<Response> {
    const moves = this.scenario?.moves;
    if (moves?.heldSockets !== undefined) await this.holdSockets(moves.heldSockets);
    for (let attempt = 0; attempt < (moves?.stormAttempts ?? 0); attempt += 1) await super.fetch(upgrade(undefined));
    return super.fetch(request);
  }

  private async holdSockets(count: number): Promise<void> {
    const token = storedRow(this.ctx)?.token;
    if (!token) return;
    while (this.ctx.getWebSockets().length < count) {
      const before = this.ctx.getWebSockets().length;
      const socket = (await super.fetch(upgrade(token))).webSocket;
      socket?.accept();
      // A refused connect (the job is over, the token gone) is not kept: stop rather than loop.
      if (!socket || this.ctx.getWebSockets().length === before) return;
      this.held.push(socket);
    }
  }

  protected override pipelineFor(type: PipelineType): ReturnType<ProgressSocket['pipelineFor']> {
    const base = super.pipelineFor(type);
    const scenario = this.scenario;
    if (!base || !scenario) return base;
    return {
      ...base,
      stepSize: 1,
      runStep: async (items, ctx) => {
        const step = Number(items[0]?.['index'] ?? this.lastStep) + 1;
        if (step === scenario.moves.failingStep) {
          throw new Error(`the simulator failed step ${step} on purpose (scenario ${scenario.name})`);
        }
        const outcomes = await base.runStep(items, ctx);
        this.lastStep = step;
        return outcomes;
      },
    };
  }

  protected override async runTimer(timer: Timer, now: number): Promise<void> {
    const moves = this.scenario?.moves;
    if (moves?.withholdsRefresh && timer.kind === TIMER_KIND.TOKEN_CHECK) return;
    await super.runTimer(timer, now);
    const gapAfter = moves?.seqGapAfterStep;
    if (
      timer.kind === TIMER_KIND.JOB_STEP &&
      gapAfter !== undefined &&
      this.lastStep === gapAfter &&
      !this.isSeqSkipped
    ) {
      this.isSeqSkipped = true;
      this.skipSeq();
    }
  }
}

/** An upgrade request as the Worker forwards it, with the token as subprotocol (or none). */
function upgrade(token: string | undefined): Request {
  const headers = new Headers({ Upgrade: 'websocket' });
  if (token !== undefined) headers.set('Sec-WebSocket-Protocol', `${SUBPROTOCOL.AUTH_PREFIX}${token}`);
  return new Request('http://simulator/ws/progress', { headers });
}
