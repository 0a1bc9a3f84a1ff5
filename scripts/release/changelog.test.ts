// CHANGELOG.md generation over fixture releases (grouped by operation and message, each entry marked
// with its kind and client impact, notes carried over) and its drift check.
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkChangelog, writeChangelog } from '../changelog';
import { fixtureRepo, type FixtureRepo } from './fixture-contracts';
import { renderChangelog } from './changelog';

const repos: string[] = [];

function repo(setup: FixtureRepo): string {
  const dir = fixtureRepo(setup);
  repos.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const twoReleases: FixtureRepo = {
  spec: { variant: 'breaking', version: '2.0.0' },
  releases: [
    { variant: 'contract', version: '1.0.0' },
    { variant: 'additive', version: '1.1.0' },
  ],
};

function section(changelog: string, heading: string): string {
  const start = changelog.indexOf(`\n## ${heading}`);
  const end = changelog.indexOf('\n## ', start + 1);
  return changelog.slice(start + 1, end === -1 ? undefined : end);
}

describe('renderChangelog', () => {
  it('writes an Unreleased section for spec/ against the last release, grouped by operation and message', () => {
    const unreleased = section(renderChangelog(repo(twoReleases)), '[Unreleased]');
    expect(unreleased).toContain(
      'Changes of `spec/` (info.version 2.0.0) since 1.1.0; they need a major version bump.',
    );
    expect(unreleased).toContain(
      [
        '#### Operation `getBook`',
        '',
        '- **Breaking** `GET /books/{id} 200 application/json.title`: field "title" removed. Client impact: clients reading title must stop.',
        '- **Breaking** `GET /books/{id} 200 application/json.subtitle`: field "subtitle" removed. Client impact: clients reading subtitle must stop.',
        '- **Breaking** `GET /books/{id} 200 application/json.format`: enum value "E-book" removed. Client impact: clients must not wait for "E-book".',
      ].join('\n'),
    );
    expect(unreleased).toContain('#### Message `book_added`');
  });

  it('writes each release against the one before, marking additive entries with their client impact', () => {
    const changelog = renderChangelog(repo(twoReleases));
    const minor = section(changelog, '[1.1.0]');
    expect(minor).toContain('Tag `contract-v1.1.0`; bundles in `releases/1.1.0/`.');
    expect(minor).toContain('### Changes by operation and message since 1.0.0');
    expect(minor).toContain(
      '- **Additive** `server→client message book_added payload.book.format`: enum value "E-book" added. Client impact: clients must accept "E-book" (or map it to an unknown value).',
    );
    expect(minor).toContain(
      '- **Additive** `GET /books/{id} 200 application/json.subtitle`: optional field "subtitle" added. Client impact: none for tolerant readers; clients may read subtitle.',
    );
    expect(minor.indexOf('#### Operation `getBook`')).toBeLessThan(minor.indexOf('#### Message `book_added`'));
    expect(section(changelog, '[1.0.0]')).toContain('First release: no earlier release to compare with.');
  });

  it("carries a release's hand-written NOTES.md over, and has no Unreleased section when spec/ equals the last release", () => {
    const dir = repo({
      spec: { variant: 'contract', version: '1.0.0' },
      releases: [{ variant: 'contract', version: '1.0.0' }],
    });
    writeFileSync(join(dir, 'releases/1.0.0/NOTES.md'), '### Highlights\n\n- Read `statusText`.\n');
    const changelog = renderChangelog(dir);
    expect(changelog).not.toContain('[Unreleased]');
    expect(section(changelog, '[1.0.0]')).toContain(
      '### Highlights\n\n- Read `statusText`.\n\n### Changes by operation',
    );
  });
});

describe('checkChangelog', () => {
  it('passes on a freshly written CHANGELOG.md and fails on a hand edit, naming the line', () => {
    const dir = repo(twoReleases);
    writeChangelog(dir);
    expect(checkChangelog(dir).exitCode).toBe(0);
    const file = join(dir, 'CHANGELOG.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('field "title" removed', 'field "title" renamed'));
    const result = checkChangelog(dir);
    expect(result.exitCode).toBe(1);
    expect(result.lines[0]).toMatch(
      /^check:changelog FAILED: CHANGELOG\.md differs from the generated one from line \d+$/,
    );
    expect(result.lines[2]).toContain('field "title" renamed');
  });

  it('fails when spec/ changed since the changelog was written', () => {
    const dir = repo({
      spec: { variant: 'contract', version: '1.0.0' },
      releases: [{ variant: 'contract', version: '1.0.0' }],
    });
    writeChangelog(dir);
    mkdirSync(join(dir, 'spec/schemas'), { recursive: true });
    writeFileSync(
      join(dir, 'spec/schemas/Book.yaml'),
      readFileSync(join(dir, 'spec/schemas/Book.yaml'), 'utf8').replace(
        'description: Binding.',
        'description: The binding.',
      ),
    );
    expect(checkChangelog(dir).exitCode).toBe(1);
  });
});
