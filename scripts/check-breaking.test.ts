// check:breaking end to end on a throwaway git repository holding a copy of the real spec/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBreaking } from './check-breaking';
import { SPEC_DIR } from './core/paths';

const repos: string[] = [];

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

afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
});

describe('checkBreaking', () => {
  it('passes when the working tree equals the base', () => {
    const result = checkBreaking(repoWithSpec(), 'HEAD');
    expect(result.exitCode).toBe(0);
    expect(result.lines.at(-1)).toBe('check:breaking passed: no breaking change since HEAD');
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

  it('allows breaking changes, as notes, when the document raises its info.version major', () => {
    const repo = repoWithSpec();
    editYaml(join(repo, 'spec/asyncapi/asyncapi.yaml'), (document) => {
      document.deleteIn(['operations', 'sendTokenRefreshed']);
      document.deleteIn(['channels', 'progress', 'messages', 'token_refreshed']);
      document.setIn(['info', 'version'], '2.0.0');
    });
    const result = checkBreaking(repo, 'HEAD');
    expect(result.exitCode).toBe(0);
    expect(result.lines).toContain(
      'note: 1 breaking change(s) in the AsyncAPI document allowed: info.version major went from 1 to 2',
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
