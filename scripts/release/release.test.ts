// `npm run release` on fixture repositories: the checks before a release, the committed bundles and
// index, the regenerated changelog, the commit and the tag.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBreaking } from '../check-breaking';
import { checkChangelog } from '../changelog';
import { cutRelease, releaseProblems, type ReleaseOptions } from '../release';
import { fixtureRepo, git, type FixtureRepo } from './fixture-contracts';

const repos: string[] = [];

function repo(setup: FixtureRepo): string {
  const dir = fixtureRepo(setup);
  repos.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const options = (dir: string, version: string, gitToo = false): ReleaseOptions => ({
  repo: dir,
  version,
  date: '2026-12-01',
  git: gitToo,
  verifyGenerated: false,
});

describe('release', () => {
  it('refuses a version the documents do not state, and one that is already released', () => {
    const dir = repo({
      spec: { variant: 'contract', version: '1.0.0' },
      releases: [{ variant: 'contract', version: '1.0.0' }],
    });
    expect(releaseProblems(options(dir, '1.2.0'))).toEqual([
      'spec/openapi/openapi.yaml states info.version 1.0.0, not 1.2.0',
      'spec/asyncapi/asyncapi.yaml states info.version 1.0.0, not 1.2.0',
      'generated/openapi.json states 1.0.0, not 1.2.0: run `npm run generate`',
      'generated/asyncapi.json states 1.0.0, not 1.2.0: run `npm run generate`',
    ]);
    expect(releaseProblems(options(dir, '1.0.0'))).toEqual([
      '1.0.0 is already released',
      'releases/1.0.0/ already holds bundles',
    ]);
  });

  it('refuses a release the semver gate refuses', () => {
    const dir = repo({
      spec: { variant: 'breaking', version: '1.1.0' },
      releases: [{ variant: 'contract', version: '1.0.0' }],
    });
    expect(releaseProblems(options(dir, '1.1.0'))).toEqual([
      expect.stringMatching(/^the semver gate refuses it: check:breaking FAILED: breaking changes need a major bump/),
    ]);
  });

  it('copies the bundles, lists the release, regenerates the changelog, commits and tags', () => {
    const dir = repo({
      spec: { variant: 'additive', version: '1.1.0' },
      releases: [{ variant: 'contract', version: '1.0.0' }],
    });
    const release = cutRelease(options(dir, '1.1.0', true));
    expect(release).toEqual({ version: '1.1.0', tag: 'contract-v1.1.0', date: '2026-12-01' });
    expect(readFileSync(join(dir, 'releases/1.1.0/openapi.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'generated/openapi.json'), 'utf8'),
    );
    expect(existsSync(join(dir, 'releases/1.1.0/asyncapi.json'))).toBe(true);
    expect(
      JSON.parse(readFileSync(join(dir, 'releases/index.json'), 'utf8')).releases.map(
        (entry: { version: string }) => entry.version,
      ),
    ).toEqual(['1.0.0', '1.1.0']);
    expect(checkChangelog(dir).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain('## [1.1.0] - 2026-12-01');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'tag', '--list', 'contract-v*').trim()).toBe('contract-v1.1.0');
    expect(git(dir, 'rev-parse', '1.1.0^{commit}')).toBe(git(dir, 'rev-parse', 'contract-v1.1.0^{commit}'));
    expect(
      git(dir, 'ls-tree', '-r', '--name-only', 'contract-v1.1.0', '--', 'releases/1.1.0').trim().split('\n'),
    ).toEqual([
      'releases/1.1.0/asyncapi.json',
      'releases/1.1.0/client/readers.ts',
      'releases/1.1.0/client/swift-decoding-rules.json',
      'releases/1.1.0/openapi.json',
    ]);
    expect(readFileSync(join(dir, 'releases/1.1.0/client/readers.ts'), 'utf8')).toBe(
      readFileSync(join(dir, 'generated/readers.ts'), 'utf8'),
    );
    expect(checkBreaking(dir, undefined).lines.at(-1)).toBe(
      'check:breaking passed: no change since release 1.1.0 (releases/1.1.0); version 1.1.0 kept',
    );
  });
});
