// Chooses the vision provider from the Worker's vars: Gemini when PROVIDER_MODE is live (also when
// unset) and a GEMINI_API_KEY secret is set, else the offline barcode reader.
import type { WorkerVars } from '../vars';
import { isLiveMode } from '../providers/create-providers';
import { createHttpClient, type FetchLike, type HttpPolicy } from '../providers/http-client';
import { createBarcodeVision } from './barcode-vision';
import { createGeminiVision } from './gemini/gemini-vision';
import type { VisionProvider } from './vision-provider';

/** A photo is large and the model slow: a longer timeout, fewer retries than metadata lookups. */
export const GEMINI_HTTP_POLICY: Partial<HttpPolicy> = { timeoutMs: 60_000, maxAttempts: 2 };

export interface VisionOptions {
  fetch?: FetchLike;
  policy?: Partial<HttpPolicy>;
}

export function createVisionProvider(
  env: Pick<WorkerVars, 'PROVIDER_MODE' | 'GEMINI_API_KEY'>,
  barcodeWasm: WebAssembly.Module,
  options: VisionOptions = {},
): VisionProvider {
  if (!isLiveMode(env) || !env.GEMINI_API_KEY) return createBarcodeVision(barcodeWasm);
  const http = createHttpClient({
    provider: 'gemini',
    policy: { ...GEMINI_HTTP_POLICY, ...options.policy },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return createGeminiVision(http, env.GEMINI_API_KEY);
}
