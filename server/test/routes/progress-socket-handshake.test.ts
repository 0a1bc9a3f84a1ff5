// connectProgressSocket's handshake edges, each answered by the Worker in the contract envelope: a
// non-GET upgrade (405), a malformed RFC 6455 handshake (400), no upgrade or an HTTP/1.0 one (426).
import { SUBPROTOCOL } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { call, callWorker, expectError, expectResponse, startCsvJob } from '../helpers/http';

// RFC 6455 §1.3's sample key: the base64 of 16 bytes.
const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const HANDSHAKE = {
  Upgrade: 'websocket',
  Connection: 'Upgrade',
  'Sec-WebSocket-Key': KEY,
  'Sec-WebSocket-Version': '13',
};

function socketPath(): string {
  return `/ws/progress?jobId=${crypto.randomUUID()}`;
}

/** A GET handshake with these headers changed (undefined removes one). */
function handshake(changes: Record<string, string | undefined>, init: RequestInit = {}): Promise<Response> {
  const headers = Object.fromEntries(
    Object.entries({ ...HANDSHAKE, ...changes }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return call(socketPath(), { ...init, headers });
}

describe('a non-GET upgrade', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'answers %s with 405 METHOD_NOT_ALLOWED and Allow: GET',
    async (method) => {
      const response = await callWorker(socketPath(), { method, headers: HANDSHAKE });
      expect(response.headers.get('Allow')).toBe('GET');
      const envelope = await expectError(response, 405, 'METHOD_NOT_ALLOWED');
      expect(envelope.error.message).toBe(`A WebSocket upgrade must use GET, not ${method}`);
      expect(envelope.metadata.requestId).toBe(response.headers.get('X-Request-Id'));
    },
  );

  it('answers a POST upgrade with a body the same way', async () => {
    const response = await callWorker(socketPath(), {
      method: 'POST',
      headers: { ...HANDSHAKE, 'Content-Type': 'application/json' },
      body: '{"type":"ready"}',
    });
    expect(response.headers.get('Allow')).toBe('GET');
    await expectError(response, 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers HEAD with 405 and Allow: GET, without a body', async () => {
    const response = await callWorker(socketPath(), { method: 'HEAD', headers: HANDSHAKE });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET');
    expect(await response.text()).toBe('');
  });

  it('still answers a CORS preflight of the socket path', async () => {
    const response = await callWorker(socketPath(), {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('a malformed handshake', () => {
  it.each([
    ['without Sec-WebSocket-Key', { 'Sec-WebSocket-Key': undefined }, 'headers.Sec-WebSocket-Key'],
    ['with an empty Sec-WebSocket-Key', { 'Sec-WebSocket-Key': '' }, 'headers.Sec-WebSocket-Key'],
    ['with a key that is not 16 bytes of base64', { 'Sec-WebSocket-Key': 'short' }, 'headers.Sec-WebSocket-Key'],
    ['with Connection lacking upgrade', { Connection: 'keep-alive' }, 'headers.Connection'],
  ])('answers 400 INVALID_REQUEST %s', async (_, changes, path) => {
    const body = await expectResponse(await handshake(changes), 'connectProgressSocket', 400);
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.details?.issues).toEqual([{ path, message: expect.any(String) }]);
  });

  it.each([
    ['without Sec-WebSocket-Version', undefined],
    ['with Sec-WebSocket-Version 8', '8'],
    ['with Sec-WebSocket-Version "13, 8"', '13, 8'],
  ])('answers 400 INVALID_REQUEST %s, naming version 13 in Sec-WebSocket-Version', async (_, version) => {
    const response = await handshake({ 'Sec-WebSocket-Version': version });
    expect(response.headers.get('Sec-WebSocket-Version')).toBe('13');
    const body = await expectResponse(response, 'connectProgressSocket', 400);
    expect(body.error.details?.issues).toEqual([
      { path: 'headers.Sec-WebSocket-Version', message: expect.any(String) },
    ]);
  });

  it('lists every problem of the handshake at once', async () => {
    const response = await handshake({ 'Sec-WebSocket-Key': undefined, 'Sec-WebSocket-Version': undefined });
    const body = await expectResponse(response, 'connectProgressSocket', 400);
    expect(body.error.details?.issues?.map((issue) => issue.path)).toEqual([
      'headers.Sec-WebSocket-Version',
      'headers.Sec-WebSocket-Key',
    ]);
  });

  it('accepts a handshake without Connection (a proxy may drop the hop-by-hop field)', async () => {
    const job = await startCsvJob('title\nDune\n');
    const response = await call(`/ws/progress?jobId=${job.jobId}`, {
      headers: {
        ...Object.fromEntries(Object.entries(HANDSHAKE).filter(([name]) => name !== 'Connection')),
        'Sec-WebSocket-Protocol': `${SUBPROTOCOL.AUTH_PREFIX}${job.token}`,
      },
    });
    expect(response.status).toBe(101);
    response.webSocket?.accept();
    response.webSocket?.close(1000, 'done');
  });
});

describe('a request that cannot be upgraded', () => {
  it.each([
    ['a plain GET', { Upgrade: undefined, Connection: undefined }],
    ['an Upgrade to another protocol', { Upgrade: 'h2c' }],
    ['an Upgrade list the runtime cannot switch to', { Upgrade: 'websocket, h2c' }],
  ])('answers %s with 426 UPGRADE_REQUIRED and Upgrade: websocket', async (_, changes) => {
    const response = await handshake(changes);
    expect(response.headers.get('Upgrade')).toBe('websocket');
    expect((await expectResponse(response, 'connectProgressSocket', 426)).error.code).toBe('UPGRADE_REQUIRED');
  });

  it('answers an HTTP/1.0 upgrade with 426 UPGRADE_REQUIRED (request.cf.httpProtocol)', async () => {
    const response = await handshake({}, { cf: { httpProtocol: 'HTTP/1.0' } } as RequestInit);
    expect(response.headers.get('Upgrade')).toBe('websocket');
    const body = await expectResponse(response, 'connectProgressSocket', 426);
    expect(body.error).toEqual({
      code: 'UPGRADE_REQUIRED',
      message: 'A WebSocket upgrade needs HTTP/1.1, not HTTP/1.0',
    });
  });

  it('lets an HTTP/1.1 upgrade through to the job', async () => {
    const job = await startCsvJob('title\nDune\n');
    const response = await call(`/ws/progress?jobId=${job.jobId}`, {
      headers: { ...HANDSHAKE, 'Sec-WebSocket-Protocol': `${SUBPROTOCOL.AUTH_PREFIX}${job.token}` },
      cf: { httpProtocol: 'HTTP/1.1' },
    } as RequestInit);
    expect(response.status).toBe(101);
    response.webSocket?.accept();
    response.webSocket?.close(1000, 'done');
  });
});
