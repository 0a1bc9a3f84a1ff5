// The server writes no wire constant by hand: message types, error codes, close reasons, close
// codes and token timings come from @bookstrack/generated (STYLE.md). Vocabulary: generated/constants.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as constants from '../generated/constants';
import { listFiles } from './core/list-files';
import { REPO_ROOT } from './core/paths';
import { findWireLiterals, scanForWireLiterals, wireVocabulary, type WireLiteral } from './lint/wire-literals';

const vocabulary = wireVocabulary(constants);

/**
 * The only hand-written close codes allowed: RFC 6455 codes the contract never sends, used to
 * decide whether a client's own close code may be echoed back.
 */
const EXEMPT = [{ file: 'durable/socket-close.ts', texts: ['1005', '1006', '1015'] }];

function isExempt(found: WireLiteral): boolean {
  return EXEMPT.some((rule) => rule.file === found.file && rule.texts.includes(found.text));
}

const describeAll = (list: WireLiteral[]) => list.map((f) => `${f.file}:${f.line} ${f.text} → use ${f.use}`);

describe('server/src', () => {
  let found: WireLiteral[] = [];
  beforeAll(() => {
    found = scanForWireLiterals(join(REPO_ROOT, 'server', 'src'), vocabulary);
  });

  it('contains no hand-written message type, error code, close reason, close code or token timing', () => {
    expect(describeAll(found.filter((f) => !isExempt(f)))).toEqual([]);
  });

  it('names no close code that only the platform sends (x-close-codes sentBy platform)', () => {
    const platformNames = Object.entries(constants.CLOSE_CODES)
      .filter(([, code]) =>
        constants.CLOSE_CODE_TABLE.some((entry) => entry.code === code && entry.sentBy === 'platform'),
      )
      .map(([name]) => `CLOSE_CODES.${name}`);
    expect(platformNames).not.toEqual([]);
    const sources = listFiles(join(REPO_ROOT, 'server', 'src'), (name) => name.endsWith('.ts'));
    const uses = sources.flatMap((file) =>
      platformNames.filter((name) => readFileSync(file, 'utf8').includes(name)).map((name) => `${file}: ${name}`),
    );
    expect(uses).toEqual([]);
  });

  it('still needs every exemption it grants', () => {
    for (const rule of EXEMPT) {
      expect(
        found
          .filter((f) => f.file === rule.file)
          .map((f) => f.text)
          .sort(),
      ).toEqual([...rule.texts].sort());
    }
  });
});

describe('findWireLiterals', () => {
  it('takes its vocabulary from generated/constants.ts', () => {
    expect(vocabulary.strings.get(constants.MESSAGE_TYPE.JOB_PROGRESS)).toBe('MESSAGE_TYPE.JOB_PROGRESS');
    expect(vocabulary.strings.get(constants.ERROR_CODE.PROVIDER_ERROR)).toBe('ERROR_CODE.PROVIDER_ERROR');
    expect(vocabulary.strings.get(constants.CLOSE_REASONS.TOKEN_REVOKED)).toBe('CLOSE_REASONS.TOKEN_REVOKED');
    expect(vocabulary.numbers.get(constants.CLOSE_CODES.POLICY_VIOLATION)).toBe('CLOSE_CODES.POLICY_VIOLATION');
    expect(vocabulary.numbers.get(constants.TOKEN_LIFETIME_MS)).toBe(
      'TOKEN_LIFETIME_MS or TOKEN_REFRESHED_LIFETIME_MS',
    );
    expect(vocabulary.numbers.get(constants.RESULTS_RETENTION_MS)).toBe(
      'RESULTS_RETENTION_MS or TOKEN_FINISHED_LIFETIME_MS',
    );
  });

  it('reports each kind of wire literal with its line and the constant to use', () => {
    const source = [
      "hub.broadcast('job_progress', payload);",
      'const code = "INVALID_REQUEST";',
      'ws.close(1008, `Token revoked`);',
      'const lifetime = 7_200_000;',
      'const grace = 300000 + now;',
      "type Status = { status: 'error' };",
    ].join('\n');
    expect(findWireLiterals(source, 'fixture.ts', vocabulary).map((f) => [f.line, f.text, f.use])).toEqual([
      [1, "'job_progress'", 'MESSAGE_TYPE.JOB_PROGRESS'],
      [2, '"INVALID_REQUEST"', 'ERROR_CODE.INVALID_REQUEST'],
      [3, '1008', 'CLOSE_CODES.POLICY_VIOLATION'],
      [3, '`Token revoked`', 'CLOSE_REASONS.TOKEN_REVOKED'],
      [4, '7_200_000', 'TOKEN_LIFETIME_MS or TOKEN_REFRESHED_LIFETIME_MS'],
      [5, '300000', 'TOKEN_GRACE_MS'],
      [6, "'error'", 'MESSAGE_TYPE.ERROR'],
    ]);
  });

  it('ignores comments, imported names, longer strings, unit conversions by 1000 and unit-named constants', () => {
    const source = [
      "// close 1011 'Job failed' after the error frame",
      "import { MESSAGE_TYPE } from '@bookstrack/generated/constants';",
      "hub.broadcast(MESSAGE_TYPE.JOB_PROGRESS, 'job_progress sent');",
      'const ms = seconds * 1000;',
      'const s = Math.ceil(ms / 1000);',
      "const env: Pick<Env, 'PROVIDER_MODE'> = {};",
      'export const TIMER_RETRY_BASE_MS = 1_000;',
    ].join('\n');
    expect(findWireLiterals(source, 'fixture.ts', vocabulary)).toEqual([]);
  });

  it('still reports a close code passed as an argument, compared, added or named without a unit', () => {
    const source =
      'ws.close(1000);\nif (code === 1013) retry();\nMath.min(1000, x);\nconst NORMAL = 1000;\nconst WAIT_MS = 1000 + 1011;';
    expect(findWireLiterals(source, 'fixture.ts', vocabulary).map((f) => [f.line, f.text])).toEqual([
      [1, '1000'],
      [2, '1013'],
      [3, '1000'],
      [4, '1000'],
      [5, '1000'],
      [5, '1011'],
    ]);
  });
});

describe('scanForWireLiterals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wire-literals-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a wire literal in a file under a nested folder, with its relative path', () => {
    writeFileSync(
      join(dir, 'clean.ts'),
      "import { ERROR_CODE } from '@bookstrack/generated/constants';\nexport const c = ERROR_CODE.NOT_FOUND;\n",
    );
    const nested = join(dir, 'durable');
    mkdirSync(nested);
    writeFileSync(join(nested, 'bad.ts'), "export const t = 'ready_ack';\n");
    expect(describeAll(scanForWireLiterals(dir, vocabulary))).toEqual([
      "durable/bad.ts:1 'ready_ack' → use MESSAGE_TYPE.READY_ACK",
    ]);
  });
});
