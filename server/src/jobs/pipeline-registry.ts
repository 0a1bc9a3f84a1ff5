// Maps each PipelineType to its Pipeline. A pipeline module adds one line to PIPELINES; tests may
// substitute a pipeline, but only where env.ENVIRONMENT is "test", so production never sees it.
import type { PipelineType } from '@bookstrack/generated/schemas';
import type { WorkerVars } from '../vars';
import type { Pipeline } from '../pipelines/pipeline';
import { csvImportPipeline } from '../pipelines/csv';
import { enrichmentPipeline } from '../pipelines/enrichment';
import { scanPipeline } from '../pipelines/scan';

/** A pipeline may ask the engine to space its steps (e.g. a provider's rate limit). */
export type EnginePipeline = Pipeline & { readonly minStepIntervalMs?: number };

const PIPELINES: Partial<Record<PipelineType, EnginePipeline>> = {
  csv_import: csvImportPipeline,
  batch_enrichment: enrichmentPipeline,
  ai_scan: scanPipeline,
};

// null hides a registered pipeline, so a test can see the "not available" path whatever is registered.
const testOverrides = new Map<PipelineType, EnginePipeline | null>();

export function resolvePipeline(type: PipelineType, env: Pick<WorkerVars, 'ENVIRONMENT'>): EnginePipeline | undefined {
  if (env.ENVIRONMENT === 'test' && testOverrides.has(type)) return testOverrides.get(type) ?? undefined;
  return PIPELINES[type];
}

/**
 * Tests only, honoured solely when the Durable Object's env.ENVIRONMENT is "test": a pipeline replaces
 * the registered one, null hides it, undefined restores it.
 */
export function overridePipelineForTests(type: PipelineType, pipeline: EnginePipeline | null | undefined): void {
  if (pipeline === undefined) testOverrides.delete(type);
  else testOverrides.set(type, pipeline);
}
