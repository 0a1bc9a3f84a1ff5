// The Worker's bindings, as declared in wrangler.jsonc, on top of its vars. Wiring only: nothing
// below the routes imports this file (the Durable Objects and pure modules read WorkerVars).
import type { ProgressSocket } from './durable/progress-socket';
import type { RateLimiter } from './durable/rate-limiter';
import type { WorkerVars } from './vars';

export interface Env extends WorkerVars {
  PROGRESS_SOCKET: DurableObjectNamespace<ProgressSocket>;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  /** The static assets: the demo page and the rendered docs (public/docs). */
  ASSETS: Fetcher;
}
