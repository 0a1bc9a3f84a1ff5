// The batch_enrichment job type, as listed in jobs/pipeline-registry.ts.
export { enrichmentJob } from './enrichment-job';
export { createEnrichmentPipeline, enrichmentPipeline, ENRICHMENT_STEP_SIZE } from './enrichment-pipeline';
export type { EnrichmentItem } from './enrichment-pipeline';
