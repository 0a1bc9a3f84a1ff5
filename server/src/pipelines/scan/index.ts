// The ai_scan job type as listed in jobs/pipeline-registry.ts, wired to the vendored ZXing
// module (a `.wasm` import, which only wrangler and the Workers test pool can load).
import { createVisionProvider } from '../../vision/create-vision';
import { ZXING_READER_WASM } from '../../vision/zxing/zxing-wasm-module';
import { LIMITS } from '@bookstrack/generated/constants';
import type { ScanBatchAccepted, ScanBatchRequest } from '@bookstrack/generated/schemas';
import type { JobType } from '../job-type';
import { createScanPipeline } from './scan-pipeline';
import { acceptedScan, toScanInput } from './scan-plan';

export { APPROVAL_CONFIDENCE } from './scan-results';
export { createScanPipeline, SCAN_STEP_SIZE } from './scan-pipeline';
export type { PhotoItem } from './scan-plan';

export const scanPipeline = createScanPipeline({
  makeVision: (env) => createVisionProvider(env, ZXING_READER_WASM),
});

/** startScanBatch / getScanResults: 1–5 photos, each a JPEG or PNG of at most 10 MB decoded. */
export const scanJob: JobType<ScanBatchRequest, ScanBatchAccepted> = {
  pipeline: scanPipeline,
  startOperationId: 'startScanBatch',
  resultsOperationId: 'getScanResults',
  batch: { field: 'images', max: LIMITS.SCAN_MAX_IMAGES, noun: 'image' },
  toInput: toScanInput,
  accepted: acceptedScan,
};
