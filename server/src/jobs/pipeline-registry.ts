// The one table of job types. A new job type is one folder under pipelines/ exporting a JobType
// descriptor, plus one entry here; routes/job-routes.ts mounts its routes and the ProgressSocket
// runs its pipeline. Tests may substitute a pipeline, but only where ENVIRONMENT is "test".
import type { PipelineType } from '@bookstrack/generated/schemas';
import { csvImportJob } from '../pipelines/csv';
import { enrichmentJob } from '../pipelines/enrichment';
import type { JobType } from '../pipelines/job-type';
import type { Pipeline } from '../pipelines/pipeline';
import { scanJob } from '../pipelines/scan';
import type { WorkerVars } from '../vars';

/** The pipeline the engine runs (the name tests use for their stand-ins). */
export type EnginePipeline = Pipeline;

export const JOB_TYPES: readonly JobType[] = [csvImportJob, enrichmentJob, scanJob];

// null hides a registered pipeline, so a test can see the "not available" path whatever is registered.
const testOverrides = new Map<PipelineType, EnginePipeline | null>();

export function resolvePipeline(type: PipelineType, env: Pick<WorkerVars, 'ENVIRONMENT'>): EnginePipeline | undefined {
  if (env.ENVIRONMENT === 'test' && testOverrides.has(type)) return testOverrides.get(type) ?? undefined;
  return JOB_TYPES.find((jobType) => jobType.pipeline.type === type)?.pipeline;
}

/**
 * Tests only, honoured solely when the Durable Object's env.ENVIRONMENT is "test": a pipeline replaces
 * the registered one, null hides it, undefined restores it.
 */
export function overridePipelineForTests(type: PipelineType, pipeline: EnginePipeline | null | undefined): void {
  if (pipeline === undefined) testOverrides.delete(type);
  else testOverrides.set(type, pipeline);
}
