// The contract simulator's Worker entry (wrangler.simulator.jsonc, `npm run simulate`): the same
// HTTP app, with the SimulatorSocket as the job Durable Object. Never deployed.
import { app } from '../app';

export { RateLimiter } from '../durable/rate-limiter';
export { SimulatorSocket } from './simulator-socket';

export default app;
