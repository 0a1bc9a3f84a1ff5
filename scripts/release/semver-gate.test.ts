// check:breaking against the last release of releases/: semver over the fixture contract (a breaking
// change needs a major bump, an additive one a minor bump, docs none), and HEAD~1 before any release.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBreaking } from '../check-breaking';
import { fixtureRepo, git, writeSpecTree, type FixtureRepo } from './fixture-contracts';

const repos: string[] = [];

function repo(setup: FixtureRepo): string {
  const dir = fixtureRepo(setup);
  repos.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const released = [{ variant: 'contract', version: '1.0.0' }] as const;

function gate(variant: FixtureRepo['spec']['variant'], version: string) {
  return checkBreaking(repo({ spec: { variant, version }, releases: [...released] }), undefined);
}

describe('check:breaking against the last release', () => {
  it('fails a breaking change without a major bump over the last release', () => {
    const result = gate('breaking', '1.1.0');
    expect(result.exitCode).toBe(1);
    expect(result.lines).toContain(
      'BREAKING GET /books/{id} 200 application/json.title: field "title" removed (spec/schemas/Book.yaml#) [and 1 more location(s) using the same schema]',
    );
    expect(result.lines.at(-1)).toBe(
      'check:breaking FAILED: breaking changes need a major bump over 1.0.0 (e.g. 2.0.0); info.version is 1.1.0 (1 breaking, 2 docs change(s) since release 1.0.0 (releases/1.0.0))',
    );
  });

  it('passes a breaking change with a major bump', () => {
    const result = gate('breaking', '2.0.0');
    expect(result.exitCode).toBe(0);
    expect(result.lines.at(-1)).toBe(
      'check:breaking passed: 1 breaking, 2 docs change(s) since release 1.0.0 (releases/1.0.0); major bump 1.0.0 → 2.0.0',
    );
  });

  it('fails an addition without a minor bump, and passes it with one', () => {
    const patch = gate('additive', '1.0.1');
    expect(patch.exitCode).toBe(1);
    expect(patch.lines.at(-1)).toMatch(
      /^check:breaking FAILED: additive changes need a minor bump over 1\.0\.0 \(e\.g\. 1\.1\.0\)/,
    );
    expect(patch.lines).toContain(
      'ADDITIVE GET /books/{id} 200 application/json.subtitle: optional field "subtitle" added (spec/schemas/Book.yaml#) [and 1 more location(s) using the same schema]',
    );
    expect(gate('additive', '1.1.0').exitCode).toBe(0);
  });

  it('passes documentation changes with no bump', () => {
    const result = gate('docs', '1.0.0');
    expect(result.exitCode).toBe(0);
    expect(result.lines.at(-1)).toBe(
      'check:breaking passed: 2 docs change(s) since release 1.0.0 (releases/1.0.0); version 1.0.0 kept',
    );
  });

  it('fails a version that went down, and a bump with nothing changed', () => {
    expect(gate('contract', '0.9.0').lines.at(-1)).toBe(
      'check:breaking FAILED: info.version went down from 1.0.0 to 0.9.0 (no change since release 1.0.0 (releases/1.0.0))',
    );
    const bumped = gate('contract', '1.0.1');
    expect(bumped.exitCode).toBe(1);
    expect(bumped.lines.at(-1)).toBe(
      'check:breaking FAILED: info.version was raised from 1.0.0 to 1.0.1 but nothing changed (no change since release 1.0.0 (releases/1.0.0))',
    );
  });

  it('compares with the newest release, not the first listed', () => {
    const dir = repo({
      spec: { variant: 'additive', version: '1.1.0' },
      releases: [
        { variant: 'additive', version: '1.1.0' },
        { variant: 'contract', version: '1.0.0' },
      ],
    });
    expect(checkBreaking(dir, undefined).lines.at(-1)).toBe(
      'check:breaking passed: no change since release 1.1.0 (releases/1.1.0); version 1.1.0 kept',
    );
  });

  it('falls back to HEAD~1 when releases/ is empty', () => {
    const dir = repo({ spec: { variant: 'contract', version: '1.0.0' } });
    writeSpecTree(join(dir, 'spec'), 'breaking', '1.0.0');
    writeFileSync(join(dir, 'README.md'), 'second commit\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'remove title');
    const result = checkBreaking(dir, undefined);
    expect(result.lines[0]).toBe('note: no release in releases/index.json yet: comparing with HEAD~1');
    expect(result.exitCode).toBe(1);
    expect(result.lines.at(-1)).toMatch(
      /^check:breaking FAILED: breaking changes need a major bump over 1\.0\.0 .* since HEAD~1\)$/,
    );
  });
});
