// Each project rule of .spectral.yaml against a fixture that breaks it, plus the passing fixtures.
// Spectral runs once over all fixtures (one CLI start); each test reads its file's findings.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from './finding';
import { LINT_FIXTURES_DIR } from '../core/paths';
import { runSpectral } from './spectral';

const FIXTURES = [
  'valid.openapi.yaml',
  'valid.asyncapi.yaml',
  'ping-pong.asyncapi.yaml',
  'missing-examples.openapi.yaml',
  'missing-examples.asyncapi.yaml',
  'property-description.openapi.yaml',
  'close-codes.asyncapi.yaml',
  'ws-security.asyncapi.yaml',
  'no-security.asyncapi.yaml',
  'extensions.openapi.yaml',
];

let findings: Finding[] = [];

beforeAll(async () => {
  findings = await runSpectral(FIXTURES.map((name) => join(LINT_FIXTURES_DIR, name)));
}, 120_000);

/** `line: message` of one rule's findings in one fixture, in line order. */
function reported(fixture: string, rule: string): string[] {
  return findings
    .filter((finding) => finding.file === join(LINT_FIXTURES_DIR, fixture) && finding.rule === rule)
    .sort((a, b) => a.line - b.line)
    .map((finding) => `${finding.line}: ${finding.message}`);
}

describe('project rules', () => {
  it('reports no problem at all on the passing fixtures', () => {
    const onValid = findings.filter((finding) => finding.file.includes('/valid.') && finding.severity !== 'info');
    expect(onValid).toEqual([]);
  });

  it('rejects ping/pong channel addresses, message names, type tags and operation ids but not prose', () => {
    expect(reported('ping-pong.asyncapi.yaml', 'bookstrack-no-ping-pong')).toEqual([
      '9: address "/ws/ping" names a ping/pong; the contract has no heartbeat',
      '11: "pong" names a ping/pong; the contract has no heartbeat',
      '12: name "pong" names a ping/pong; the contract has no heartbeat',
      '18: const "pong" names a ping/pong; the contract has no heartbeat',
      '22: type "pong" names a ping/pong; the contract has no heartbeat',
      '24: "sendPing" names a ping/pong; the contract has no heartbeat',
    ]);
  });

  it('requires an example on every request body and 2xx response body', () => {
    expect(reported('missing-examples.openapi.yaml', 'bookstrack-operation-examples')).toEqual([
      '12: request body (text/csv) has no example',
      '19: 200 response (application/json) has no example',
    ]);
  });

  it('requires examples with payloads on every AsyncAPI message', () => {
    expect(reported('missing-examples.asyncapi.yaml', 'bookstrack-message-examples')).toEqual([
      '27: message "ready" has no examples',
      '36: message example has no payload',
    ]);
  });

  it('requires every AsyncAPI operation to name messages that have examples', () => {
    expect(reported('missing-examples.asyncapi.yaml', 'bookstrack-async-operation-examples')).toEqual([
      '21: operation lists no messages, so it has no example',
      '27: operation message has no example',
    ]);
  });

  it('requires a description on every schema property, nested ones included, but not in examples', () => {
    expect(reported('property-description.openapi.yaml', 'bookstrack-property-description')).toEqual([
      '15: property "author" has no description',
      '21: property "year" has no description',
    ]);
  });

  it('rejects reserved, out-of-range and duplicate close codes, and ones without a client action or sender', () => {
    expect(reported('close-codes.asyncapi.yaml', 'bookstrack-close-codes')).toEqual([
      '17: close code 1006 is reserved (1005/1006/1015): only a `sentBy: platform` entry may list it',
      '22: close code 3000 is not in 1000–1015 or 4000–4999',
      '27: close code 1000 is listed twice',
      '32: close code 4001 has no `clientAction`',
      '36: close code 4002 has no `sentBy` (server or platform)',
      '45: close code 1015 is sent by the platform and lists reasons',
      '52: close code 4003 has a reasonReconnect for "Elsewhere", which it does not list',
    ]);
  });

  it('requires an x-close-codes list on every channel', () => {
    expect(reported('close-codes.asyncapi.yaml', 'bookstrack-close-codes-present')).toEqual([
      '54: channel has no `x-close-codes` list',
    ]);
  });

  it('requires the WebSocket security scheme to be httpApiKey in header Sec-WebSocket-Protocol with x-subprotocol', () => {
    expect(reported('ws-security.asyncapi.yaml', 'bookstrack-ws-security-scheme')).toEqual([
      '9: security scheme has no `x-subprotocol` (token format and echo rule)',
      '11: security scheme is in "query", expected "header"',
      '12: security scheme header is "token", expected "Sec-WebSocket-Protocol"',
    ]);
  });

  it('requires the AsyncAPI document to define a security scheme', () => {
    expect(reported('no-security.asyncapi.yaml', 'bookstrack-ws-security-schemes-present')).toEqual([
      '1: AsyncAPI document has no components.securitySchemes',
    ]);
  });

  it('rejects x- extensions outside the allowed list, wherever they are, but not inside examples', () => {
    expect(reported('extensions.openapi.yaml', 'bookstrack-allowed-extensions')).toEqual([
      '9: extension "x-tagGroups" is not in the allowed list',
      '15: extension "x-internal" is not in the allowed list',
    ]);
  });
});
