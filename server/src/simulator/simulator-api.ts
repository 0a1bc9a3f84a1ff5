// What the simulator routes know of the SimulatorSocket (kept apart so the production Worker,
// which mounts the routes, never bundles the simulator's Durable Object class).
import type { JobResult, StartedJob } from '../durable/job-api';

/** The only ENVIRONMENT where the simulator routes answer and its jobs start. */
export const SIMULATOR_ENVIRONMENT = 'simulator';

/** The RPC the simulator routes call, on top of the job's usual JobApi. */
export interface SimulatorApi {
  startScenario(jobId: string): Promise<JobResult<StartedJob>>;
}
