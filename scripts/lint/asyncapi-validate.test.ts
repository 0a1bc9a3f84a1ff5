import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFailing } from './finding';
import { parseDiagnostics, validateAsyncApi } from './asyncapi-validate';
import { LINT_FIXTURES_DIR } from '../core/paths';

const dir = mkdtempSync(join(tmpdir(), 'bookstrack-asyncapi-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asyncapi validate step', () => {
  it('passes the valid fixture document', async () => {
    const findings = await validateAsyncApi(join(LINT_FIXTURES_DIR, 'valid.asyncapi.yaml'));
    expect(findings.filter(isFailing)).toEqual([]);
  }, 30_000);

  it('reports a channel message reference that points nowhere as an error', async () => {
    const broken = readFileSync(join(LINT_FIXTURES_DIR, 'valid.asyncapi.yaml'), 'utf8').replace(
      /\$ref: '?#\/components\/messages\/(\w+)'?/,
      "$ref: '#/components/messages/NoSuchMessage'",
    );
    const file = join(dir, 'broken.asyncapi.yaml');
    writeFileSync(file, broken);
    const failing = (await validateAsyncApi(file)).filter(isFailing);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing[0]).toMatchObject({ tool: 'asyncapi-cli', severity: 'error', file });
  }, 30_000);

  it('reads the JSON array the CLI prints after its verdict line', () => {
    const stdout =
      'File x.yaml is valid but has governance issues.\n[{"code":"c","message":"m","path":["a"],"severity":1,"range":{"start":{"line":0,"character":0}}}]';
    expect(parseDiagnostics(stdout)).toEqual([
      { code: 'c', message: 'm', path: ['a'], severity: 1, range: { start: { line: 0, character: 0 } } },
    ]);
    expect(parseDiagnostics('File x.yaml is valid.')).toBeUndefined();
  });
});
