// Meta routes: liveness and the two bundled contract documents, served as is (no envelope).
import asyncApiDocument from '@bookstrack/generated/asyncapi.json';
import { CONTRACT_VERSION } from '@bookstrack/generated/constants';
import openApiDocument from '@bookstrack/generated/openapi.json';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { HealthStatus } from '@bookstrack/generated/schemas';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { sendData } from '../http/envelope';
import { operation } from '../http/validate-response';

export const metaRoutes = new Hono<AppEnv>()
  .get(OPERATIONS.getHealth.honoPath, operation('getHealth'), (c) => {
    // getHealth
    const health: HealthStatus = { status: 'ok', version: CONTRACT_VERSION };
    return sendData(c, health);
  })
  .get(OPERATIONS.getOpenApiDocument.honoPath, operation('getOpenApiDocument'), (c) => {
    // getOpenApiDocument
    return c.json(openApiDocument);
  })
  .get(OPERATIONS.getAsyncApiDocument.honoPath, operation('getAsyncApiDocument'), (c) => {
    // getAsyncApiDocument
    return c.json(asyncApiDocument);
  });
