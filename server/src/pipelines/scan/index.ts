// The ai_scan pipeline as registered in jobs/pipeline-registry.ts, wired to the vendored ZXing
// module (a `.wasm` import, which only wrangler and the Workers test pool can load).
import { createVisionProvider } from '../../vision/create-vision';
import { ZXING_READER_WASM } from '../../vision/zxing/zxing-wasm-module';
import { createScanPipeline } from './scan-pipeline';

export { APPROVAL_CONFIDENCE } from './scan-results';
export { createScanPipeline, SCAN_STEP_SIZE } from './scan-pipeline';
export type { PhotoItem } from './scan-plan';

export const scanPipeline = createScanPipeline({
  makeVision: (env) => createVisionProvider(env, ZXING_READER_WASM),
});
