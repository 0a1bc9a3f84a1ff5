// Simulator job ids carry their scenario: `sim_<scenario>_<32 hex>`, a valid JobId (8–64 of
// A-Z a-z 0-9 _ -), so the job's Durable Object knows its scenario from its own name.
import { findScenario, type ScenarioPlan } from './scenarios';

const PREFIX = 'sim_';

export function simulatorJobId(scenario: string, random: string = crypto.randomUUID()): string {
  return `${PREFIX}${scenario}_${random.replaceAll('-', '')}`;
}

/** The scenario a simulator job id names, or undefined for any other id. */
export function scenarioOfJobId(jobId: string | undefined): ScenarioPlan | undefined {
  if (!jobId?.startsWith(PREFIX)) return undefined;
  const rest = jobId.slice(PREFIX.length);
  const end = rest.lastIndexOf('_');
  return end > 0 ? findScenario(rest.slice(0, end)) : undefined;
}
