// Worker entry: the HTTP app and the Durable Object classes wrangler.jsonc binds.
import { app } from './app';

export { RateLimiter } from './durable/rate-limiter';
export { ProgressSocket } from './durable/progress-socket';

export default app;
