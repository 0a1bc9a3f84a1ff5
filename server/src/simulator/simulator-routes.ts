// The contract simulator's routes (tag `simulator`): list the scenarios, start a job that plays one.
// Mounted in every Worker, they answer only where ENVIRONMENT is "simulator" (npm run simulate):
// elsewhere, production included, they are 404 NOT_FOUND like any unknown path.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { SimulatorScenarioNameSchema } from '@bookstrack/generated/schemas';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { sendData } from '../http/envelope';
import { HttpError } from '../http/http-error';
import { toValidationIssues } from '../http/validate-request';
import { operation } from '../http/validate-response';
import { enrichmentJob } from '../pipelines/enrichment/enrichment-job';
import { unwrap } from '../routes/job-stub';
import {
  describeScenario,
  findScenario,
  SCENARIO_NAMES,
  SCENARIOS,
  scenarioInput,
  type ScenarioPlan,
} from './scenarios';
import { simulatorJobId } from './simulator-job-id';
import { SIMULATOR_ENVIRONMENT, type SimulatorApi } from './simulator-api';

function requireSimulator(c: Context<AppEnv>): void {
  if (c.env.ENVIRONMENT === SIMULATOR_ENVIRONMENT) return;
  throw new HttpError(ERROR_CODE.NOT_FOUND, `No route for ${c.req.method} ${c.req.path}`);
}

/** The `scenario` query parameter: missing or unknown is a 400 that lists the valid names. */
function requireScenario(value: string | undefined): ScenarioPlan {
  const details = { scenarios: [...SCENARIO_NAMES] };
  if (value === undefined || value === '') {
    throw new HttpError(
      ERROR_CODE.MISSING_PARAMETER,
      `Query parameter "scenario" is required; one of ${SCENARIO_NAMES.join(', ')}`,
      details,
    );
  }
  const parsed = SimulatorScenarioNameSchema.safeParse(value);
  const scenario = parsed.success ? findScenario(parsed.data) : undefined;
  if (scenario) return scenario;
  const issues = parsed.success
    ? [{ path: 'scenario', message: `no scenario ${parsed.data}` }]
    : toValidationIssues(parsed.error).map((issue) => ({ ...issue, path: 'scenario' }));
  throw new HttpError(ERROR_CODE.INVALID_REQUEST, `Unknown scenario; one of ${SCENARIO_NAMES.join(', ')}`, {
    issues,
    ...details,
  });
}

export const simulatorRoutes = new Hono<AppEnv>()
  .get(OPERATIONS.listSimulatorScenarios.honoPath, operation('listSimulatorScenarios'), (c) => {
    // listSimulatorScenarios
    requireSimulator(c);
    return sendData(c, { scenarios: SCENARIOS.map(describeScenario) });
  })
  .post(OPERATIONS.startSimulatorJob.honoPath, operation('startSimulatorJob'), async (c) => {
    // startSimulatorJob
    requireSimulator(c);
    const scenario = requireScenario(c.req.query('scenario'));
    const jobId = simulatorJobId(scenario.name);
    const stub = c.env.PROGRESS_SOCKET.get(c.env.PROGRESS_SOCKET.idFromName(jobId)) as unknown as SimulatorApi;
    const started = unwrap(await stub.startScenario(jobId));
    return sendData(c, enrichmentJob.accepted(started, scenarioInput(scenario)), 202);
  });
