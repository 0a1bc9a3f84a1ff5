// getHealth, getOpenApiDocument, getAsyncApiDocument.
import { CONTRACT_VERSION } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { call, expectResponse } from '../helpers/http';

describe('GET /health', () => {
  it('answers ok with the contract version in the envelope', async () => {
    const response = await call('/health');
    const body = await expectResponse(response, 'getHealth', 200);
    expect(body.data).toEqual({ status: 'ok', version: CONTRACT_VERSION });
    expect(body.metadata.requestId).toBe(response.headers.get('X-Request-Id'));
  });
});

describe('GET /openapi.json and /asyncapi.json', () => {
  it('serves the bundled OpenAPI document as is', async () => {
    const body = (await expectResponse(await call('/openapi.json'), 'getOpenApiDocument', 200)) as Record<
      string,
      unknown
    >;
    expect(body['openapi']).toBe('3.1.0');
    expect((body['info'] as { version: string }).version).toBe(CONTRACT_VERSION);
  });

  it('serves the bundled AsyncAPI document as is', async () => {
    const body = (await expectResponse(await call('/asyncapi.json'), 'getAsyncApiDocument', 200)) as Record<
      string,
      unknown
    >;
    expect(body['asyncapi']).toBe('3.0.0');
  });
});
