// Naming rules that decide the exported constant names the server imports.
import { describe, expect, it } from 'vitest';
import { policyMsName } from './emit-constants';
import { honoPath } from './openapi-operations';
import { camelToUpperSnake, textToUpperSnake, toPascalCase } from './names';
import { swiftCaseName, swiftPropertyName } from './swift-names';
import { regexLiteral } from './zod-literal';

describe('names', () => {
  it('turns close-code names and limit keys into UPPER_SNAKE', () => {
    expect(['normalClosure', 'tryAgainLater', 'maxFrameBytes'].map(camelToUpperSnake)).toEqual([
      'NORMAL_CLOSURE',
      'TRY_AGAIN_LATER',
      'MAX_FRAME_BYTES',
    ]);
  });

  it('turns reason texts and message tags into UPPER_SNAKE without filler words', () => {
    expect(['Binary frames are not supported', 'Job complete', 'ready_ack'].map(textToUpperSnake)).toEqual([
      'BINARY_FRAMES_NOT_SUPPORTED',
      'JOB_COMPLETE',
      'READY_ACK',
    ]);
  });

  it('names token policy milliseconds with a TOKEN_ prefix except results retention', () => {
    expect(['lifetimeSeconds', 'refreshedLifetimeSeconds', 'resultsRetentionSeconds'].map(policyMsName)).toEqual([
      'TOKEN_LIFETIME_MS',
      'TOKEN_REFRESHED_LIFETIME_MS',
      'RESULTS_RETENTION_MS',
    ]);
  });

  it('builds PascalCase operation prefixes and Hono paths', () => {
    expect(toPascalCase('importCsv')).toBe('ImportCsv');
    expect(honoPath('/api/jobs/{jobId}/cancel')).toBe('/api/jobs/:jobId/cancel');
  });

  it('makes Swift case names from wire values and escapes reserved words', () => {
    expect(['INVALID_REQUEST', 'E-book', 'google-books', 'image/jpeg'].map(swiftCaseName)).toEqual([
      'invalidRequest',
      'eBook',
      'googleBooks',
      'imageJpeg',
    ]);
    expect(swiftPropertyName('default')).toBe('`default`');
    expect(swiftPropertyName('editionDescription')).toBe('editionDescription');
  });

  it('escapes only unescaped slashes in regex literals and rejects invalid patterns', () => {
    expect(regexLiteral('^a/b\\/c$')).toBe('/^a\\/b\\/c$/u');
    expect(() => regexLiteral('(')).toThrow();
  });
});
