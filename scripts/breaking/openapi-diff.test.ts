import { describe, expect, it } from 'vitest';
import { diffOpenApi } from './openapi-diff';

const accepted = {
  type: 'object',
  required: ['jobId', 'token'],
  properties: { jobId: { type: 'string' }, token: { type: 'string' }, expiresAt: { type: 'string' } },
};

function documentWith(patch: (operation: Record<string, any>) => void = () => {}) {
  const operation: Record<string, any> = {
    operationId: 'importCsv',
    security: [],
    parameters: [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } }],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: { type: 'object', required: ['csv'], properties: { csv: { type: 'string' } } } },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    responses: {
      '202': {
        description: 'Accepted.',
        headers: { 'X-RateLimit-Limit': { schema: { type: 'integer' } } },
        content: { 'application/json': { schema: structuredClone(accepted) } },
      },
      '400': { description: 'Bad.', content: { 'application/json': { schema: { type: 'object' } } } },
    },
  };
  patch(operation);
  return {
    openapi: '3.1.0',
    paths: {
      '/api/csv/import': { post: operation },
      '/health': { get: { operationId: 'getHealth', responses: { '200': { description: 'Up.' } } } },
    },
  };
}

const reported = (after: unknown) =>
  diffOpenApi(documentWith(), after).map((change) => `${change.location}: ${change.message}`);

describe('diffOpenApi', () => {
  it('finds nothing between identical documents', () => {
    expect(reported(documentWith())).toEqual([]);
  });

  it('reports a removed response field', () => {
    const after = documentWith(
      (operation) => delete operation.responses['202'].content['application/json'].schema.properties.token,
    );
    expect(reported(after)).toEqual(['POST /api/csv/import 202 application/json.token: field "token" removed']);
  });

  it('reports a removed operation', () => {
    const after = documentWith();
    delete (after.paths as Record<string, unknown>)['/health'];
    expect(reported(after)).toEqual(['GET /health: operation getHealth removed']);
  });

  it('reports a removed response status, response header and content type', () => {
    const after = documentWith((operation) => {
      delete operation.responses['400'];
      delete operation.responses['202'].headers;
      operation.responses['202'].content = { 'text/plain': { schema: { type: 'string' } } };
    });
    expect(reported(after)).toEqual([
      'POST /api/csv/import 202: response header X-RateLimit-Limit removed',
      'POST /api/csv/import 202: response content type application/json removed',
      'POST /api/csv/import 400: response status 400 removed',
    ]);
  });

  it('reports a parameter that became required and a new required parameter', () => {
    const after = documentWith((operation) => {
      operation.parameters = [
        { name: 'dryRun', in: 'query', required: true, schema: { type: 'boolean' } },
        { name: 'X-Client', in: 'header', required: true, schema: { type: 'string' } },
      ];
    });
    expect(reported(after)).toEqual([
      'POST /api/csv/import parameter query dryRun: new required parameter',
      'POST /api/csv/import parameter header X-Client: new required parameter',
    ]);
  });

  it('reports a narrowed request body schema and a dropped request content type', () => {
    const after = documentWith((operation) => {
      operation.requestBody.content['application/json'].schema.properties.csv.maxLength = 10;
      delete operation.requestBody.content['text/csv'];
    });
    expect(reported(after)).toEqual([
      'POST /api/csv/import request application/json body.csv: maxLength 10 added',
      'POST /api/csv/import request body: content type text/csv no longer accepted',
    ]);
  });

  it('reports an anonymous operation that now requires a token', () => {
    const after = documentWith((operation) => (operation.security = [{ jobToken: [] }]));
    expect(reported(after)).toEqual(['POST /api/csv/import: operation now requires authentication']);
  });

  it('accepts additions: a new operation, an optional parameter, a new response field and status', () => {
    const after = documentWith((operation) => {
      operation.parameters.push({ name: 'locale', in: 'query', schema: { type: 'string' } });
      operation.responses['202'].content['application/json'].schema.properties.pipeline = { type: 'string' };
      operation.responses['429'] = { description: 'Slow down.' };
    });
    (after.paths as Record<string, unknown>)['/docs'] = {
      get: { operationId: 'getDocs', responses: { '200': { description: 'Docs.' } } },
    };
    expect(reported(after)).toEqual([]);
  });
});
