import { describe, expect, it } from 'vitest';
import { diffAsyncApi, messageType } from './asyncapi-diff';

function tagged(type: string, payload: Record<string, unknown> = {}) {
  return {
    name: type,
    payload: {
      type: 'object',
      required: ['type', 'seq', ...Object.keys(payload)],
      properties: { type: { type: 'string', const: type }, seq: { type: 'integer', minimum: 1 }, ...payload },
    },
  };
}

function documentWith(
  patch: (parts: {
    messages: Record<string, any>;
    channel: Record<string, any>;
    scheme: Record<string, any>;
  }) => void = () => {},
) {
  const messages: Record<string, any> = {
    ready: tagged('ready'),
    cancel: tagged('cancel'),
    job_progress: tagged('job_progress', {
      progress: { type: 'number', minimum: 0, maximum: 1 },
      status: { type: 'string' },
    }),
    token_refreshed: tagged('token_refreshed', { token: { type: 'string' } }),
  };
  const channel: Record<string, any> = {
    address: '/ws/progress',
    messages,
    bindings: { ws: { query: { type: 'object', required: ['jobId'], properties: { jobId: { type: 'string' } } } } },
    'x-close-codes': [{ code: 1008, name: 'policyViolation', reconnect: 'new_token', reasons: ['Token expired'] }],
  };
  const scheme: Record<string, any> = {
    type: 'httpApiKey',
    in: 'header',
    name: 'Sec-WebSocket-Protocol',
    'x-subprotocol': { authPrefix: 'bookstrack-auth.', versionProtocol: 'bookstrack.v1' },
  };
  patch({ messages, channel, scheme });
  const pick = (...names: string[]) => names.map((name) => messages[name]).filter(Boolean);
  return {
    asyncapi: '3.0.0',
    channels: { progress: channel },
    operations: {
      receiveReady: { action: 'receive', messages: pick('ready') },
      receiveCancel: { action: 'receive', messages: pick('cancel') },
      sendJobProgress: { action: 'send', messages: pick('job_progress') },
      sendTokenRefreshed: { action: 'send', messages: pick('token_refreshed') },
    },
    components: { securitySchemes: { jobToken: scheme } },
  };
}

const reported = (after: unknown) =>
  diffAsyncApi(documentWith(), after).map((change) => `${change.location}: ${change.message}`);

describe('diffAsyncApi', () => {
  it('names a message by its payload type tag', () => {
    expect(messageType(tagged('job_progress'))).toBe('job_progress');
    expect(messageType({ name: 'legacy', payload: { type: 'object' } })).toBe('legacy');
  });

  it('finds nothing between identical documents', () => {
    expect(reported(documentWith())).toEqual([]);
  });

  it('reports a removed server message type', () => {
    const after = documentWith(({ messages }) => delete messages.token_refreshed);
    expect(reported(after)).toEqual(['server→client message token_refreshed: message type "token_refreshed" removed']);
  });

  it('reports a removed client message type', () => {
    const after = documentWith(({ messages }) => delete messages.cancel);
    expect(reported(after)).toEqual(['client→server message cancel: message type "cancel" removed']);
  });

  it('judges server messages as responses: a removed payload field breaks, a narrowed one does not', () => {
    const after = documentWith(({ messages }) => {
      delete messages.job_progress.payload.properties.status;
      messages.job_progress.payload.required = ['type', 'seq', 'progress'];
      messages.job_progress.payload.properties.progress.maximum = 0.5;
    });
    expect(reported(after)).toEqual(['server→client message job_progress payload.status: field "status" removed']);
  });

  it('judges client messages as requests: a new required field breaks', () => {
    const after = documentWith(({ messages }) => {
      messages.ready.payload.properties.clientVersion = { type: 'string' };
      messages.ready.payload.required.push('clientVersion');
    });
    expect(reported(after)).toEqual([
      'client→server message ready payload.clientVersion: new required field "clientVersion"',
    ]);
  });

  it('reports a changed close code, a changed address, a new required query field and a changed auth prefix', () => {
    const after = documentWith(({ channel, scheme }) => {
      channel['x-close-codes'][0].code = 4008;
      channel.address = '/ws/jobs';
      channel.bindings.ws.query.properties.token = { type: 'string' };
      channel.bindings.ws.query.required.push('token');
      scheme['x-subprotocol'].authPrefix = 'auth.';
    });
    expect(reported(after)).toEqual([
      'channel progress: address changed from "/ws/progress" to "/ws/jobs"',
      'channel progress ws query.token: new required field "token"',
      'channel progress close code 1008: close code 1008 (policyViolation) removed',
      'security scheme jobToken x-subprotocol: authPrefix changed from "bookstrack-auth." to "auth."',
    ]);
  });
});
