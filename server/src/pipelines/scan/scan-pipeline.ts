// The ai_scan pipeline: one photo per step (per-photo progress and checkpoint), detection by the
// vision provider, then enrichment of every detected book through the book providers.
import type { WorkerVars } from '../../vars';
import { createConcurrencyLimiter } from '../../providers/concurrency-limiter';
import { createBookProviders, isLiveMode, PROVIDER_CONCURRENCY } from '../../providers/create-providers';
import type { VisionProvider } from '../../vision/vision-provider';
import type { BookProviderFactory } from '../enrichment/enrichment-pipeline';
import type { ItemOutcome, JobInput, Pipeline, StepContext, WorkItem } from '../pipeline';
import { planScan, type PhotoItem } from './scan-plan';
import { scanPhoto } from './scan-photo';
import { buildScanResults, summarizeScan } from './scan-results';

/** One photo per step: a photo is the unit of progress, and of work lost if a step is retried. */
export const SCAN_STEP_SIZE = 1;

export type VisionProviderFactory = (env: WorkerVars) => VisionProvider;

export interface ScanPipelineDeps {
  makeVision: VisionProviderFactory;
  makeProviders?: BookProviderFactory;
}

export function createScanPipeline(deps: ScanPipelineDeps): Pipeline {
  const makeProviders = deps.makeProviders ?? createBookProviders;
  return {
    type: 'ai_scan',
    stepSize: SCAN_STEP_SIZE,
    plan: async (input: JobInput, env: WorkerVars) => planScan(input, isLiveMode(env)),

    async runStep(items: WorkItem[], ctx: StepContext): Promise<ItemOutcome[]> {
      const vision = deps.makeVision(ctx.env);
      const providers = makeProviders(ctx.env, { limiter: createConcurrencyLimiter(PROVIDER_CONCURRENCY) });
      const outcomes: ItemOutcome[] = [];
      for (const item of items as PhotoItem[]) {
        const onFailure = (error: unknown) => ctx.trouble.note(error, item.photoIndex);
        outcomes.push(await scanPhoto(item, vision, providers, ctx.signal, onFailure));
      }
      return outcomes;
    },

    describeItem: (item: WorkItem) => `Photo ${(item as PhotoItem).photoIndex + 1}`,
    buildResults: buildScanResults,
    summarize: summarizeScan,
  };
}
