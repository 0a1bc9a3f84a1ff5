// The Hono app: request id, CORS and error handling around one sub-app per resource.
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import type { AppEnv } from './http/app-env';
import { apiCors } from './http/cors';
import { notFound, onError } from './http/error-handler';
import { requestId } from './http/request-id';
import { docsRoutes } from './routes/docs';
import { jobTypeRoutes } from './routes/job-routes';
import { jobRoutes } from './routes/jobs';
import { metaRoutes } from './routes/meta';
import { progressSocketRoutes, refuseNonGetUpgrade } from './routes/progress-socket';
import { tokenRoutes } from './routes/token';
import { simulatorRoutes } from './simulator/simulator-routes';

export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestId);
  app.use(OPERATIONS.connectProgressSocket.honoPath, refuseNonGetUpgrade);
  app.use('*', apiCors);
  app.route('/', progressSocketRoutes);
  app.route('/', jobTypeRoutes);
  app.route('/', jobRoutes);
  app.route('/', tokenRoutes);
  app.route('/', metaRoutes);
  app.route('/', docsRoutes);
  app.route('/', simulatorRoutes);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export const app = createApp();
