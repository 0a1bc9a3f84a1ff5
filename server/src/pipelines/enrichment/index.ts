// The batch_enrichment pipeline, as registered in jobs/pipeline-registry.ts.
export { createEnrichmentPipeline, enrichmentPipeline, ENRICHMENT_STEP_SIZE } from './enrichment-pipeline';
export type { EnrichmentItem } from './enrichment-pipeline';
