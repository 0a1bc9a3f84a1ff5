// The contract simulator's scenarios: for each, the policy its job runs under (server vars, the
// same overrides local tests use), the simulator's one deliberate move (a held-back refresh, a
// failing step, a skipped seq, held sockets, a connect storm, an early rotation) and what a client
// sees. Pure data: the SimulatorSocket applies it, the routes list it, the spec describes it.
import { CLOSE_CODES, CLOSE_REASONS, LIMITS, MESSAGE_TYPE } from '@bookstrack/generated/constants';
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

export const SCENARIOS: readonly ScenarioPlan[] = [
  {
    name: 'token-rotation',
    description:
      'The token lives 30 s and is refreshed while a socket is open: token_refreshed arrives about every 2 s during a 15 s job (the previous token is graced 3 s, then revoked). Keep the newest token.',
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.TOKEN_REFRESHED, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: 16,
    books: 15,
    vars: {
      TOKEN_LIFETIME_SECONDS: '30',
      TOKEN_REFRESH_WINDOW_SECONDS: '28',
      TOKEN_CHECK_INTERVAL_SECONDS: '1',
      TOKEN_GRACE_SECONDS: '3',
      JOB_STEP_DELAY_MS: '1000',
    },
    moves: {},
  },
  {
    name: 'token-expired',
    description:
      'The token lives 4 s and the simulator holds back the auto-refresh: an open socket sees ready_ack, job_started and job_progress, then is closed 1008 Token expired 4 s after the job was created; a later connect is closed so at once. Start a new job.',
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS],
    close: { code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOKEN_EXPIRED },
    playSeconds: 4,
    books: 30,
    vars: { TOKEN_LIFETIME_SECONDS: '4', JOB_STEP_DELAY_MS: '1000' },
    moves: { withholdsRefresh: true },
  },
  {
    name: 'token-revoked',
    description:
      'The simulator refreshes the token right after creation; the token in this start response is graced 3 s, then revoked: a connect with it after 3 s is closed 1008 Token revoked, and HTTP calls with it get 401 AUTH_ERROR.',
    frames: [],
    close: { code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOKEN_REVOKED },
    playSeconds: 3,
    books: 10,
    vars: {
      TOKEN_LIFETIME_SECONDS: '60',
      TOKEN_REFRESH_WINDOW_SECONDS: '60',
      TOKEN_CHECK_INTERVAL_SECONDS: '5',
      TOKEN_GRACE_SECONDS: '3',
      TOKEN_REVOCATION_SECONDS: '120',
      JOB_STEP_DELAY_MS: '1000',
    },
    moves: { rotatesAtStart: true },
  },
  {
    name: 'too-many-connections',
    description: `The simulator keeps the job's ${LIMITS.WS_MAX_CONNECTIONS_PER_JOB} sockets open, so every connect of yours is one too many: closed 1008 Too many connections at once. Do not refresh or retry.`,
    frames: [],
    close: { code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOO_MANY_CONNECTIONS },
    playSeconds: 1,
    books: 30,
    vars: { JOB_STEP_DELAY_MS: '1000' },
    moves: { heldSockets: LIMITS.WS_MAX_CONNECTIONS_PER_JOB },
  },
  {
    name: 'job-failed',
    description:
      'The third step fails: job_started, two job_progress, then error (INTERNAL_ERROR, retryable false) and close 1011 Job failed. Back off and fetch the job state.',
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.ERROR],
    close: { code: CLOSE_CODES.INTERNAL_ERROR, reason: CLOSE_REASONS.JOB_FAILED },
    playSeconds: 3,
    books: 10,
    vars: { JOB_STEP_DELAY_MS: '1000' },
    moves: { failingStep: 3 },
  },
  {
    name: 'try-again-later',
    description: `Before each connect of yours the simulator makes ${LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW} connection attempts to the job, a reconnect storm: yours is closed 1013 Try again later at once. Wait 30 s plus jitter.`,
    frames: [],
    close: { code: CLOSE_CODES.TRY_AGAIN_LATER, reason: CLOSE_REASONS.TRY_AGAIN_LATER },
    playSeconds: 1,
    books: 30,
    vars: { JOB_STEP_DELAY_MS: '1000' },
    moves: { stormAttempts: LIMITS.WS_MAX_CONNECT_ATTEMPTS_PER_WINDOW },
  },
  {
    name: 'seq-gap',
    description:
      'After the second job_progress (seq 3) one seq is used up without a frame: the next job_progress has seq 5. Detect the gap, fetch the job state or reconnect; the job completes normally.',
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: 8,
    books: 8,
    vars: { JOB_STEP_DELAY_MS: '1000' },
    moves: { seqGapAfterStep: 2 },
  },
  {
    name: 'slow-job',
    description:
      'Twelve steps of 5 s: job_progress every 5 s for a minute, then job_complete and close 1000. Keep the progress view alive without timing out.',
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: 60,
    books: 12,
    vars: { JOB_STEP_DELAY_MS: '5000' },
    moves: {},
  },
  {
    name: 'results-expired',
    description:
      'A 3-book job whose results, and the finished job token, are kept 5 s: GET /v1/enrichment/results/{jobId} answers 200 right after job_complete and 404 NOT_FOUND (results expired) from 5 s on. Treat it as gone.',
    frames: [M.READY_ACK, M.JOB_STARTED, M.JOB_PROGRESS, M.JOB_COMPLETE],
    close: JOB_COMPLETE,
    playSeconds: 2,
    books: 3,
    vars: { RESULTS_RETENTION_SECONDS: '5', JOB_STEP_DELAY_MS: '500' },
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
