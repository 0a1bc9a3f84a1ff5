// check:breaking end to end on a throwaway git repository holding a copy of the real spec/ and no
// releases (so the base is a git ref; release/semver-gate.test.ts covers the last-release base).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBreaking } from './check-breaking';
import { SPEC_DIR } from './core/paths';
import { loadYaml } from './core/yaml';

const repos: string[] = [];
/** The real contract version and its major (the copies below start from it). */
const VERSION = (loadYaml(join(SPEC_DIR, 'asyncapi/asyncapi.yaml')) as { info: { version: string } }).info.version;
const MAJOR = Number(VERSION.split('.')[0]);

function git(repo: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@bookstrack.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, stdio: 'ignore' },
  );
}

/** A repository whose HEAD commit holds a copy of the real spec/ (or only a README when `withSpec` is false). */
function repoWithSpec(withSpec = true): string {
  const repo = mkdtempSync(join(tmpdir(), 'check-breaking-test-'));
  repos.push(repo);
  git(repo, 'init', '-q');
  writeFileSync(join(repo, 'README.md'), 'test\n');
  if (withSpec) cpSync(SPEC_DIR, join(repo, 'spec'), { recursive: true });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

function editYaml(file: string, edit: (document: ReturnType<typeof parseDocument>) => void): void {
  const document = parseDocument(readFileSync(file, 'utf8'));
  edit(document);
  writeFileSync(file, document.toString());
}

function setVersions(repo: string, version: string): void {
  for (const root of ['spec/openapi/openapi.yaml', 'spec/asyncapi/asyncapi.yaml'])
    editYaml(join(repo, root), (document) => document.setIn(['info', 'version'], version));
}

afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
});

describe('checkBreaking', () => {
  it('passes when the working tree equals the base', () => {
    const result = checkBreaking(repoWithSpec(), 'HEAD');
    expect(result.exitCode).toBe(0);
    expect(result.lines.at(-1)).toBe(`check:breaking passed: no change since HEAD; version ${VERSION} kept`);
  });

  it('fails when a server message type is removed from the AsyncAPI document', () => {
    const repo = repoWithSpec();
    editYaml(join(repo, 'spec/asyncapi/asyncapi.yaml'), (document) => {
      document.deleteIn(['operations', 'sendTokenRefreshed']);
      document.deleteIn(['channels', 'progress', 'messages', 'token_refreshed']);
    });
    const result = checkBreaking(repo, 'HEAD');
    expect(result.exitCode).toBe(1);
    expect(result.lines).toContain(
      'BREAKING server→client message token_refreshed: message type "token_refreshed" removed',
    );
  });

  it('fails when a field is removed from a response schema, naming the schema file once', () => {
    const repo = repoWithSpec();
    editYaml(join(repo, 'spec/schemas/TokenRefreshResult.yaml'), (document) => {
      document.deleteIn(['properties', 'expiresIn']);
      const required = document.get('required') as { items: { value: string }[] };
      required.items = required.items.filter((item) => item.value !== 'expiresIn');
    });
    const result = checkBreaking(repo, 'HEAD');
    expect(result.exitCode).toBe(1);
    const removal = result.lines.filter((line) => line.includes('field "expiresIn" removed'));
    expect(removal).toHaveLength(1);
    expect(removal[0]).toMatch(
      /^BREAKING POST \/api\/token\/refresh 200 application\/json\.data\.expiresIn: field "expiresIn" removed \(spec\/schemas\/TokenRefreshResult\.yaml#\)/,
    );
  });

  it('fails when a request gains a required field', () => {
    const repo = repoWithSpec();
    editYaml(join(repo, 'spec/schemas/BookQuery.yaml'), (document) => {
      (document.get('required') as { add(value: string): void }).add('author');
    });
    const result = checkBreaking(repo, 'HEAD');
    expect(result.exitCode).toBe(1);
    expect(
      result.lines.some((line) =>
        line.startsWith(
          'BREAKING POST /v1/enrichment/batch request application/json body.books[].author: new required field "author"',
        ),
      ),
    ).toBe(true);
  });

  it('allows breaking changes when both documents raise their info.version major', () => {
    const repo = repoWithSpec();
    editYaml(join(repo, 'spec/asyncapi/asyncapi.yaml'), (document) => {
      document.deleteIn(['operations', 'sendTokenRefreshed']);
      document.deleteIn(['channels', 'progress', 'messages', 'token_refreshed']);
    });
    setVersions(repo, '9.0.0');
    const result = checkBreaking(repo, 'HEAD');
    expect(result.exitCode).toBe(0);
    expect(result.lines).toContain(
      'BREAKING server→client message token_refreshed: message type "token_refreshed" removed',
    );
    expect(result.lines.at(-1)).toBe(
      `check:breaking passed: 1 breaking change(s) since HEAD; major bump ${VERSION} → 9.0.0`,
    );
  });

  it('fails when the two documents state different versions', () => {
    const repo = repoWithSpec();
    editYaml(join(repo, 'spec/asyncapi/asyncapi.yaml'), (document) => document.setIn(['info', 'version'], '9.0.0'));
    const result = checkBreaking(repo, 'HEAD');
    expect(result.exitCode).toBe(1);
    expect(result.lines.at(-1)).toBe(
      `check:breaking FAILED: the documents disagree on info.version (${VERSION}, 9.0.0) (no change since HEAD)`,
    );
  });

  it('still fails a breaking change under a minor bump, and one in a document whose major stayed', () => {
    const repo = repoWithSpec();
    editYaml(join(repo, 'spec/asyncapi/asyncapi.yaml'), (document) => {
      document.deleteIn(['operations', 'sendTokenRefreshed']);
      document.deleteIn(['channels', 'progress', 'messages', 'token_refreshed']);
    });
    setVersions(repo, `${MAJOR}.99.0`);
    editYaml(join(repo, 'spec/schemas/TokenRefreshResult.yaml'), (document) => {
      document.deleteIn(['properties', 'expiresIn']);
      const required = document.get('required') as { items: { value: string }[] };
      required.items = required.items.filter((item) => item.value !== 'expiresIn');
    });
    const result = checkBreaking(repo, 'HEAD');
    expect(result.exitCode).toBe(1);
    expect(result.lines).toContain(
      'BREAKING server→client message token_refreshed: message type "token_refreshed" removed',
    );
    expect(result.lines.some((line) => line.includes('field "expiresIn" removed'))).toBe(true);
    expect(result.lines.at(-1)).toBe(
      `check:breaking FAILED: breaking changes need a major bump over ${VERSION} (e.g. ${MAJOR + 1}.0.0); info.version is ${MAJOR}.99.0 (2 breaking change(s) since HEAD)`,
    );
  });

  it('fails the job_progress rename of status to statusText at the same major, and passes it at the next', () => {
    const repo = repoWithSpec();
    // The base: this spec as it was before the rename, one major lower.
    editYaml(join(repo, 'spec/schemas/JobProgressPayload.yaml'), (document) => {
      document.setIn(['required'], ['progress', 'processedCount', 'totalCount', 'status']);
      document.setIn(['properties', 'status'], document.getIn(['properties', 'statusText']));
      document.deleteIn(['properties', 'statusText']);
      document.deleteIn(['examples']);
    });
    for (const root of ['spec/openapi/openapi.yaml', 'spec/asyncapi/asyncapi.yaml'])
      editYaml(join(repo, root), (document) => document.setIn(['info', 'version'], `${MAJOR - 1}.0.0`));
    git(repo, 'commit', '-q', '-am', 'before the rename');
    cpSync(join(SPEC_DIR, 'schemas/JobProgressPayload.yaml'), join(repo, 'spec/schemas/JobProgressPayload.yaml'));
    const atSameMajor = checkBreaking(repo, 'HEAD');
    expect(atSameMajor.exitCode).toBe(1);
    expect(atSameMajor.lines).toContain(
      'BREAKING server→client message job_progress payload.payload.status: field "status" removed (spec/schemas/JobProgressPayload.yaml#)',
    );
    for (const root of ['spec/openapi/openapi.yaml', 'spec/asyncapi/asyncapi.yaml'])
      cpSync(join(SPEC_DIR, root.slice('spec/'.length)), join(repo, root));
    const atNextMajor = checkBreaking(repo, 'HEAD');
    expect(atNextMajor.exitCode).toBe(0);
    expect(atNextMajor.lines.at(-1)).toMatch(
      new RegExp(
        `^check:breaking passed: 1 breaking, .* since HEAD; major bump ${MAJOR - 1}\\.0\\.0 → ${VERSION.replaceAll('.', '\\.')}$`,
      ),
    );
  });

  it('passes with a note when the base commit has no spec/', () => {
    const repo = repoWithSpec(false);
    cpSync(SPEC_DIR, join(repo, 'spec'), { recursive: true });
    expect(checkBreaking(repo, 'HEAD')).toEqual({
      exitCode: 0,
      lines: ['check:breaking passed: HEAD has no spec/, nothing to compare'],
    });
  });

  it('passes when the default base HEAD~1 does not exist, and fails for a missing explicit base', () => {
    const repo = repoWithSpec();
    expect(checkBreaking(repo, undefined).exitCode).toBe(0);
    expect(checkBreaking(repo, 'no-such-ref')).toEqual({
      exitCode: 2,
      lines: ['check:breaking FAILED: base ref "no-such-ref" does not exist'],
    });
  });
});
