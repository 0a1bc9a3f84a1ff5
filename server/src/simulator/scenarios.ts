// The contract simulator's scenarios: for each, the policy its job runs under (server vars, the
// same overrides local tests use), the simulator's one deliberate move (a held-back refresh, a
// failing step, a skipped seq, held sockets, a connect storm, an early rotation) and what a client
// sees. Pure data: the SimulatorSocket applies it, the routes list it, the spec describes it.
import {
  CLOSE_CODE_TABLE,
  CLOSE_CODES,
  CLOSE_REASONS,
  ERROR_CODE,
  LIMITS,
  MESSAGE_TYPE,
  TOKEN_POLICY_VARS,
} from '@bookstrack/generated/constants';
import type { SimulatorScenario, SimulatorScenarioName } from '@bookstrack/generated/schemas';
import { SimulatorScenarioNameSchema } from '@bookstrack/generated/schemas';
import type { JobInput } from '../pipelines/pipeline';
import { CATALOGUE } from '../providers/catalogue/catalogue';

/** What the SimulatorSocket does beyond running the job under `vars`. */
export interface ScenarioMoves {
  /** Token checks are skipped: an open socket's token runs out unrefreshed. */
  withholdsRefresh?: boolean;
  /** The step with this 1-based number throws (the job fails through the real machine). */
  failingStep?: number;
  /** After this many steps one seq is used up without a frame. */
  seqGapAfterStep?: number;
  /** The simulator keeps this many sockets of the job open before each client connect. */
  heldSockets?: number;
  /** The simulator makes this many connection attempts before each client connect. */
  stormAttempts?: number;
  /** Right after creation the simulator refreshes the token once (HTTP refresh rules). */
  rotatesAtStart?: boolean;
}

export interface ScenarioPlan extends SimulatorScenario {
  /** Books in the job; one book per step. */
  books: number;
  /** Server vars laid over the simulator's own (token policy seconds, JOB_STEP_DELAY_MS). */
  vars: Readonly<Record<string, string>>;
  moves: ScenarioMoves;
}

const M = MESSAGE_TYPE;
const JOB_COMPLETE = { code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE };
const TOKEN_EXPIRED = { code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOKEN_EXPIRED };
const TOKEN_REVOKED = { code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOKEN_REVOKED };
const TOO_MANY = { code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOO_MANY_CONNECTIONS };
const JOB_FAILED = { code: CLOSE_CODES.INTERNAL_ERROR, reason: CLOSE_REASONS.JOB_FAILED };
const STORM = { code: CLOSE_CODES.TRY_AGAIN_LATER, reason: CLOSE_REASONS.TRY_AGAIN_LATER };
const STORM_ENTRY = CLOSE_CODE_TABLE.find((entry) => entry.code === CLOSE_CODES.TRY_AGAIN_LATER);

/** "close <code> <reason>" of a scenario, from the generated close codes and reasons. */
const closed = (close: { code: number; reason: string }): string => `close ${close.code} ${close.reason}`;

/** A scenario's token policy (TOKEN_POLICY keys, seconds) and step delay, as server vars. */
function varsOf(policy: Partial<Record<keyof typeof TOKEN_POLICY_VARS, number>>, stepDelayMs: number) {
  const vars: Record<string, string> = { JOB_STEP_DELAY_MS: String(stepDelayMs) };
  for (const [key, seconds] of Object.entries(policy))
    vars[TOKEN_POLICY_VARS[key as keyof typeof TOKEN_POLICY_VARS]] = String(seconds);
  return vars;
}

const ROTATION = { lifetimeSeconds: 30, refreshWindowSeconds: 28, checkIntervalSeconds: 1, graceSeconds: 3 };
const EXPIRY = { lifetimeSeconds: 4 };
const REVOCATION = {
  lifetimeSeconds: 60,
  refreshWindowSeconds: 60,
  checkIntervalSeconds: 5,
  graceSeconds: 3,
  revocationSeconds: 120,
};
/** One book per step, one step a second: a job a client can watch. */
const STEP_DELAY_MS = 1_000;
const FAILING_STEP = 3;
const SEQ_GAP_AFTER_STEP = 2;
const SLOW = { steps: 12, stepDelayMs: 5_000 };
const RETENTION = { resultsRetentionSeconds: 5 };

export const SCENARIOS: readonly ScenarioPlan[] = [
  {
    name: 'token-rotation',
    description: `The token lives ${ROTATION.lifetimeSeconds} s and is refreshed while a socket is open: ${M.TOKEN_REFRESHED} arrives about every 2 s during a 15 s job (the previous token is graced ${ROTATION.graceSeconds} s, then revoked). Keep the newest token.`,
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.TOKEN_REFRESHED, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: 16,
    books: 15,
    vars: varsOf(ROTATION, STEP_DELAY_MS),
    moves: {},
  },
  {
    name: 'token-expired',
    description: `The token lives ${EXPIRY.lifetimeSeconds} s and the simulator holds back the auto-refresh: an open socket sees ${M.READY_ACK}, ${M.JOB_STARTED} and ${M.JOB_PROGRESS}, then ${closed(TOKEN_EXPIRED)} ${EXPIRY.lifetimeSeconds} s after the job was created; a later connect gets the same close at once. Start a new job.`,
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS],
    close: TOKEN_EXPIRED,
    playSeconds: EXPIRY.lifetimeSeconds,
    books: 30,
    vars: varsOf(EXPIRY, STEP_DELAY_MS),
    moves: { withholdsRefresh: true },
  },
  {
    name: 'token-revoked',
    description: `The simulator refreshes the token right after creation; the token in this start response is graced ${REVOCATION.graceSeconds} s, then revoked: a connect with it after ${REVOCATION.graceSeconds} s gets ${closed(TOKEN_REVOKED)}, and HTTP calls with it get 401 ${ERROR_CODE.AUTH_ERROR}.`,
    frames: [],
    close: TOKEN_REVOKED,
    playSeconds: REVOCATION.graceSeconds,
    books: 10,
    vars: varsOf(REVOCATION, STEP_DELAY_MS),
    moves: { rotatesAtStart: true },
  },
  {
    name: 'too-many-connections',
    description: `The simulator keeps the job's ${LIMITS.WS_MAX_CONNECTIONS_PER_JOB} sockets open, so every connect of yours is one too many: ${closed(TOO_MANY)} at once. Do not refresh or retry.`,
    frames: [],
    close: TOO_MANY,
    playSeconds: 1,
    books: 30,
    vars: varsOf({}, STEP_DELAY_MS),
    moves: { heldSockets: LIMITS.WS_MAX_CONNECTIONS_PER_JOB },
  },
  {
    name: 'job-failed',
    description: `Step ${FAILING_STEP} fails: ${M.JOB_STARTED}, ${FAILING_STEP - 1} × ${M.JOB_PROGRESS}, then ${M.ERROR} (${ERROR_CODE.INTERNAL_ERROR}, retryable false) and ${closed(JOB_FAILED)}. Back off and fetch the job state.`,
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.ERROR],
    close: JOB_FAILED,
    playSeconds: FAILING_STEP,
    books: 10,
    vars: varsOf({}, STEP_DELAY_MS),
    moves: { failingStep: FAILING_STEP },
  },
  {
    name: 'try-again-later',
    description: `Before each connect of yours the simulator makes ${LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW} connection attempts to the job, a reconnect storm: yours gets ${closed(STORM)} at once. Wait ${(STORM_ENTRY?.retryAfterMs ?? 0) / 1000} s plus a random share of ${(STORM_ENTRY?.retryJitterMs ?? 0) / 1000} s.`,
    frames: [],
    close: STORM,
    playSeconds: 1,
    books: 30,
    vars: varsOf({}, STEP_DELAY_MS),
    moves: { stormAttempts: LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW },
  },
  {
    name: 'seq-gap',
    description: `After ${M.JOB_PROGRESS} number ${SEQ_GAP_AFTER_STEP} (seq ${SEQ_GAP_AFTER_STEP + 1}) one seq is used up without a frame: the next ${M.JOB_PROGRESS} has seq ${SEQ_GAP_AFTER_STEP + 3}. Detect the gap, fetch the job state or reconnect; the job completes normally.`,
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: 8,
    books: 8,
    vars: varsOf({}, STEP_DELAY_MS),
    moves: { seqGapAfterStep: SEQ_GAP_AFTER_STEP },
  },
  {
    name: 'slow-job',
    description: `${SLOW.steps} steps of ${SLOW.stepDelayMs / 1000} s: ${M.JOB_PROGRESS} every ${SLOW.stepDelayMs / 1000} s for a minute, then ${M.JOB_COMPLETE} and ${closed(JOB_COMPLETE)}. Keep the progress view alive without timing out.`,
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: (SLOW.steps * SLOW.stepDelayMs) / 1000,
    books: SLOW.steps,
    vars: varsOf({}, SLOW.stepDelayMs),
    moves: {},
  },
  {
    name: 'results-expired',
    description: `A 3-book job whose results, and the finished job token, are kept ${RETENTION.resultsRetentionSeconds} s: GET /v1/enrichment/results/{jobId} answers 200 right after ${M.JOB_COMPLETE} and 404 ${ERROR_CODE.NOT_FOUND} (results expired) from ${RETENTION.resultsRetentionSeconds} s on. Treat it as gone.`,
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: 2,
    books: 3,
    vars: varsOf(RETENTION, 500),
    moves: {},
  },
];

/** The spec's scenario names, in its order. */
export const SCENARIO_NAMES: readonly SimulatorScenarioName[] = SimulatorScenarioNameSchema.options;

export function findScenario(name: string | undefined): ScenarioPlan | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name);
}

/** The public part of a scenario, as GET /v1/simulator/scenarios lists it. */
export function describeScenario(scenario: ScenarioPlan): SimulatorScenario {
  const { name, description, frames, close, playSeconds } = scenario;
  return { name, description, frames: [...frames], close: { ...close }, playSeconds };
}

/** The scenario's job: a batch_enrichment of bundled-catalogue books, one book per step. */
export function scenarioInput(scenario: ScenarioPlan): Extract<JobInput, { pipeline: 'batch_enrichment' }> {
  const books = CATALOGUE.slice(0, scenario.books).map((book) => ({
    title: book.title,
    author: book.authors[0] ?? '',
  }));
  return { pipeline: 'batch_enrichment', books };
}
