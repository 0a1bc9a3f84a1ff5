// generated/constants.ts exposes the names DESIGN.md fixes, with the values of the x- extensions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as constants from '../../generated/constants';
import { readExtensions, type ContractExtensions } from './contract-extensions';
import { emitConstants } from './emit-constants';
import type { JsonSchema } from './json-schema';
import { REPO_ROOT, specPaths } from '../core/paths';
import { loadSchemas } from './schema-files';

const load = (file: string): JsonSchema =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'generated', file), 'utf8')) as JsonSchema;
const ext = readExtensions(load('openapi.json'), load('asyncapi.json'), loadSchemas(specPaths().schemas));

describe('generated/constants.ts', () => {
  it('converts every token policy value from seconds to milliseconds', () => {
    expect(constants.TOKEN_LIFETIME_MS).toBe(ext.tokenPolicy.lifetimeSeconds! * 1000);
    expect(constants.TOKEN_GRACE_MS).toBe(ext.tokenPolicy.graceSeconds! * 1000);
    expect(constants.TOKEN_REVOCATION_MS).toBe(ext.tokenPolicy.revocationSeconds! * 1000);
    expect(constants.RESULTS_RETENTION_MS).toBe(ext.tokenPolicy.resultsRetentionSeconds! * 1000);
    expect(constants.TOKEN_POLICY_VARS.lifetimeSeconds).toBe('TOKEN_LIFETIME_SECONDS');
  });

  it('names the close codes and reasons as DESIGN.md lists them', () => {
    expect(constants.CLOSE_CODES).toEqual({
      NORMAL_CLOSURE: 1000,
      GOING_AWAY: 1001,
      PROTOCOL_ERROR: 1002,
      ABNORMAL_CLOSURE: 1006,
      POLICY_VIOLATION: 1008,
      MESSAGE_TOO_BIG: 1009,
      INTERNAL_ERROR: 1011,
      TRY_AGAIN_LATER: 1013,
    });
    expect(Object.keys(constants.CLOSE_REASONS)).toEqual([
      'JOB_COMPLETE',
      'JOB_CANCELED',
      'MALFORMED_MESSAGE',
      'UNKNOWN_MESSAGE_TYPE',
      'BINARY_FRAMES_NOT_SUPPORTED',
      'TOKEN_EXPIRED',
      'TOKEN_REVOKED',
      'INVALID_TOKEN',
      'TOO_MANY_CONNECTIONS',
      'MESSAGE_TOO_BIG',
      'JOB_FAILED',
      'INTERNAL_ERROR',
      'TRY_AGAIN_LATER',
    ]);
    expect(constants.CLOSE_CODE_TABLE.map((entry) => entry.code)).toEqual(ext.closeCodes.map((entry) => entry.code));
    expect(constants.CLOSE_CODE_TABLE.map((entry) => [entry.code, entry.sentBy])).toEqual(
      ext.closeCodes.map((entry) => [entry.code, entry.sentBy]),
    );
  });

  it('exposes limits, rate limit, subprotocol and message tags under their DESIGN.md names', () => {
    expect(Object.keys(constants.LIMITS)).toEqual(
      expect.arrayContaining([
        'CSV_MAX_BYTES',
        'BATCH_MAX_BOOKS',
        'SCAN_MAX_IMAGES',
        'SCAN_IMAGE_MAX_BYTES',
        'WS_MAX_FRAME_BYTES',
        'WS_MAX_CONNECTIONS_PER_JOB',
        'WS_MAX_PROGRESS_PER_SECOND',
      ]),
    );
    expect(constants.RATE_LIMIT).toMatchObject({
      REQUESTS: ext.rateLimit.requests,
      WINDOW_SECONDS: ext.rateLimit.windowSeconds,
      VAR: ext.rateLimit.var,
    });
    expect(constants.SUBPROTOCOL).toMatchObject({
      VERSION: 'bookstrack.v1',
      AUTH_PREFIX: 'bookstrack-auth.',
      QUERY_PARAM: 'token',
      QUERY_TOKEN_VAR: 'ALLOW_QUERY_TOKEN',
    });
    expect(constants.MESSAGE_TYPE.TOKEN_REFRESHED).toBe('token_refreshed');
    expect([...constants.CLIENT_MESSAGE_TYPES]).toEqual(['ready', 'cancel']);
    expect(constants.ERROR_STATUS.UPGRADE_REQUIRED).toBe(426);
    expect(Object.entries(constants.ERROR_CODE)).toEqual(ext.errorCodes.map((code) => [code, code]));
  });
});

describe('generated/constants.ts job and message lists', () => {
  it('lists the terminal job statuses of JobStatus x-terminal, in enum order', () => {
    expect([...constants.TERMINAL_JOB_STATUSES]).toEqual(['completed', 'failed', 'canceled']);
  });

  it('lists the per-connection server replies and keeps them inside SERVER_MESSAGE_TYPES', () => {
    expect([...constants.PER_CONNECTION_MESSAGE_TYPES]).toEqual(['ready_ack', 'reconnected']);
    expect(constants.SERVER_MESSAGE_TYPES).toEqual(expect.arrayContaining([...constants.PER_CONNECTION_MESSAGE_TYPES]));
  });
});

describe('readExtensions', () => {
  const withJobStatus = (patch: Record<string, unknown>) => {
    const schemas = new Map(loadSchemas(specPaths().schemas));
    schemas.set('JobStatus', { ...schemas.get('JobStatus'), ...patch });
    return () => readExtensions(load('openapi.json'), load('asyncapi.json'), schemas);
  };

  it('rejects an x-terminal status that is not in the JobStatus enum', () => {
    expect(withJobStatus({ 'x-terminal': ['completed', 'archived'] })).toThrow('outside the enum: archived');
  });

  it('rejects an x-terminal that names every status or none', () => {
    expect(withJobStatus({ 'x-terminal': ['queued', 'running', 'completed', 'failed', 'canceled'] })).toThrow(
      'lists every status',
    );
    expect(withJobStatus({ 'x-terminal': [] })).toThrow();
  });

  it('rejects a close code without a sender, a platform code with reasons and an override for an unlisted reason', () => {
    const withCloseCodes = (patch: (codes: Record<string, unknown>[]) => void) => {
      const asyncapi = structuredClone(load('asyncapi.json')) as any;
      patch(asyncapi.channels.progress['x-close-codes']);
      return () => readExtensions(load('openapi.json'), asyncapi, loadSchemas(specPaths().schemas));
    };
    expect(withCloseCodes((codes) => delete codes[0]!.sentBy)).toThrow();
    expect(withCloseCodes((codes) => (codes.find((c) => c.sentBy === 'platform')!.reasons = ['Ours']))).toThrow(
      'a platform code lists no reasons',
    );
    expect(withCloseCodes((codes) => (codes[0]!.reasonReconnect = { Elsewhere: 'none' }))).toThrow(
      'reasonReconnect names Elsewhere, which it does not list',
    );
  });

  it('rejects an x-per-connection that is not true', () => {
    const schemas = new Map(loadSchemas(specPaths().schemas));
    schemas.set('JobStartedMessage', { ...schemas.get('JobStartedMessage'), 'x-per-connection': 'yes' });
    expect(() => readExtensions(load('openapi.json'), load('asyncapi.json'), schemas)).toThrow();
  });
});

describe('emitConstants', () => {
  it('takes every value from the extensions, never from the generator', () => {
    const changed: ContractExtensions = {
      ...ext,
      tokenPolicy: { ...ext.tokenPolicy, graceSeconds: 42 },
      contractVersion: '9.9.9',
    };
    const source = emitConstants(changed, { emitter: 'lib/emit-constants.ts', inputsHash: 'h' });
    expect(source).toContain('export const TOKEN_GRACE_MS = 42000;');
    expect(source).toContain("export const CONTRACT_VERSION = '9.9.9';");
  });

  it('keys ERROR_CODE by the error codes of the spec', () => {
    const source = emitConstants(
      { ...ext, errorCodes: ['TEAPOT'], errorStatus: { TEAPOT: 418 } },
      { emitter: 'lib/emit-constants.ts', inputsHash: 'h' },
    );
    expect(source).toContain(
      "export const ERROR_CODE = {\n  TEAPOT: 'TEAPOT',\n} as const satisfies Record<ErrorCode, ErrorCode>;",
    );
  });
});
