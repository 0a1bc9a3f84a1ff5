// The handshake rules as a table: method, upgrade, HTTP version and RFC 6455 fields → the contract error.
import { describe, expect, it } from 'vitest';
import {
  handshakeError,
  isWebSocketUpgrade,
  methodError,
  upgradeRequiredError,
} from '../../src/http/websocket-handshake';

const GOOD = {
  Upgrade: 'websocket',
  Connection: 'Upgrade',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version': '13',
};

function headersWith(changes: Record<string, string | undefined> = {}): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries({ ...GOOD, ...changes }))
    if (value !== undefined) headers.set(name, value);
  return headers;
}

describe('isWebSocketUpgrade', () => {
  it.each([
    ['websocket', true],
    [' WebSocket ', true],
    ['websocket, h2c', false],
    ['h2c', false],
    ['', false],
  ])('reads Upgrade %j as %s', (upgrade, expected) => {
    expect(isWebSocketUpgrade(headersWith({ Upgrade: upgrade }))).toBe(expected);
  });
});

describe('methodError', () => {
  it('refuses every method but GET that asks to upgrade, naming GET in Allow', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const error = methodError(method, headersWith());
      expect([error?.status, error?.code, error?.headers]).toEqual([405, 'METHOD_NOT_ALLOWED', { Allow: 'GET' }]);
    }
  });

  it('leaves GET, requests without an upgrade and CORS preflights alone', () => {
    expect(methodError('GET', headersWith())).toBeUndefined();
    expect(methodError('POST', headersWith({ Upgrade: undefined }))).toBeUndefined();
    expect(methodError('OPTIONS', headersWith({ 'Access-Control-Request-Method': 'GET' }))).toBeUndefined();
  });
});

describe('upgradeRequiredError', () => {
  it.each([
    [{ Upgrade: undefined }, 'HTTP/1.1'],
    [{ Upgrade: 'h2c' }, undefined],
    [{}, 'HTTP/1.0'],
    [{}, 'HTTP/0.9'],
  ])('answers %j over %s with 426 and Upgrade: websocket', (changes, protocol) => {
    const error = upgradeRequiredError(headersWith(changes), protocol);
    expect([error?.status, error?.code, error?.headers]).toEqual([426, 'UPGRADE_REQUIRED', { Upgrade: 'websocket' }]);
  });

  it('lets a websocket upgrade over HTTP/1.1, HTTP/2, HTTP/3 or an unknown version through', () => {
    for (const protocol of ['HTTP/1.1', 'HTTP/2', 'HTTP/3', undefined, 42]) {
      expect(upgradeRequiredError(headersWith(), protocol)).toBeUndefined();
    }
  });
});

describe('handshakeError', () => {
  it('passes a well-formed handshake, and one without Connection', () => {
    expect(handshakeError(headersWith())).toBeUndefined();
    expect(handshakeError(headersWith({ Connection: undefined }))).toBeUndefined();
    expect(handshakeError(headersWith({ Connection: 'keep-alive, Upgrade' }))).toBeUndefined();
  });

  it.each([
    [{ Connection: 'keep-alive' }, ['headers.Connection'], false],
    [{ 'Sec-WebSocket-Key': undefined }, ['headers.Sec-WebSocket-Key'], false],
    [{ 'Sec-WebSocket-Key': '   ' }, ['headers.Sec-WebSocket-Key'], false],
    [{ 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ' }, ['headers.Sec-WebSocket-Key'], false],
    [{ 'Sec-WebSocket-Version': undefined }, ['headers.Sec-WebSocket-Version'], true],
    [{ 'Sec-WebSocket-Version': '8' }, ['headers.Sec-WebSocket-Version'], true],
    [
      { Connection: 'close', 'Sec-WebSocket-Version': '', 'Sec-WebSocket-Key': undefined },
      ['headers.Connection', 'headers.Sec-WebSocket-Version', 'headers.Sec-WebSocket-Key'],
      true,
    ],
  ])('answers %j with 400 INVALID_REQUEST listing %j', (changes, paths, namesVersion) => {
    const error = handshakeError(headersWith(changes));
    expect([error?.status, error?.code]).toEqual([400, 'INVALID_REQUEST']);
    const issues = (error?.details as { issues: { path: string }[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual(paths);
    expect(error?.headers).toEqual(namesVersion ? { 'Sec-WebSocket-Version': '13' } : {});
  });
});
