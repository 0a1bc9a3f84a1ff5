// `npm run release -- X.Y.Z [--date YYYY-MM-DD]`: cuts contract release X.Y.Z. Checks that both
// documents of spec/ and both bundles of generated/ state X.Y.Z, that generated/ is fresh, that X.Y.Z
// is above the last release and passes the semver gate against it; copies the bundles to
// releases/X.Y.Z/ with the client artefacts the old-client test decodes with (release/old-clients.ts),
// lists it in releases/index.json, regenerates CHANGELOG.md, commits and tags `contract-vX.Y.Z` and
// `X.Y.Z` (for Swift Package Manager). `--no-git` skips the clean-tree check, the commit and the tag (tests).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { infoVersion, specTree } from './breaking/compare-specs';
import { compareSemver, parseSemver } from './breaking/semver-gate';
import { checkBreaking } from './check-breaking';
import { writeChangelog, CHANGELOG } from './changelog';
import { checkGenerated } from './check-generated';
import { REPO_ROOT } from './core/paths';
import { writeClientArtefacts } from './release/old-clients';
import { loadYaml } from './core/yaml';
import {
  BUNDLE_FILES,
  RELEASE_INDEX,
  RELEASES_DIR,
  readReleases,
  releaseDir,
  releasesDir,
  tagOf,
  type Release,
} from './release/releases';

export interface ReleaseOptions {
  repo: string;
  version: string;
  date: string;
  git: boolean;
  /** Regenerate and compare generated/ first (check:generated); off in tests. */
  verifyGenerated: boolean;
}

function git(repo: string, args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Why X.Y.Z cannot be released now, or an empty list. */
export function releaseProblems(options: ReleaseOptions): string[] {
  const { repo, version } = options;
  if (!parseSemver(version)) return [`"${version}" is not a semver version X.Y.Z`];
  const problems: string[] = [];
  const tree = specTree(join(repo, 'spec'));
  for (const root of [tree.openapi, tree.asyncapi]) {
    const stated = infoVersion(loadYaml(root));
    if (stated !== version)
      problems.push(`${root.slice(repo.length + 1)} states info.version ${stated}, not ${version}`);
  }
  for (const file of BUNDLE_FILES) {
    const stated = infoVersion(JSON.parse(readFileSync(join(repo, 'generated', file), 'utf8')));
    if (stated !== version)
      problems.push(`generated/${file} states ${stated}, not ${version}: run \`npm run generate\``);
  }
  const releases = readReleases(repo);
  const last = releases.at(-1);
  if (releases.some((release) => release.version === version)) problems.push(`${version} is already released`);
  else if (last && compareSemver(version, last.version) <= 0)
    problems.push(`${version} is not above the last release ${last.version}`);
  if (existsSync(join(releaseDir(repo, version), BUNDLE_FILES[0])))
    problems.push(`${RELEASES_DIR}/${version}/ already holds bundles`);
  if (last) {
    const gate = checkBreaking(repo, undefined);
    if (gate.exitCode !== 0) problems.push(`the semver gate refuses it: ${gate.lines.at(-1)}`);
  }
  if (options.git) problems.push(...gitProblems(repo, version));
  if (options.verifyGenerated && problems.length === 0) {
    const stale = checkGenerated({ generatedDir: join(repo, 'generated') });
    if (stale.length > 0) problems.push(`generated/ is stale (${stale.length} file(s)): run \`npm run generate\``);
  }
  return problems;
}

function gitProblems(repo: string, version: string): string[] {
  const problems: string[] = [];
  const own = `${RELEASES_DIR}/${version}/`;
  const dirty = git(repo, ['status', '--porcelain', '--untracked-files=all'])
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.slice(3).startsWith(own));
  if (dirty.length > 0) problems.push(`the working tree is not clean (${dirty.length} path(s)); commit first`);
  for (const tag of [tagOf(version), version])
    if (git(repo, ['tag', '--list', tag]).trim() !== '') problems.push(`tag ${tag} exists`);
  return problems;
}

/** Copies the bundles, lists the release and regenerates CHANGELOG.md; then commits and tags when `git`. */
export function cutRelease(options: ReleaseOptions): Release {
  const { repo, version } = options;
  const problems = releaseProblems(options);
  if (problems.length > 0) throw new Error(`cannot release ${version}:\n- ${problems.join('\n- ')}`);
  const target = releaseDir(repo, version);
  mkdirSync(target, { recursive: true });
  for (const file of BUNDLE_FILES) copyFileSync(join(repo, 'generated', file), join(target, file));
  writeClientArtefacts(repo, version);
  const release: Release = { version, tag: tagOf(version), date: options.date };
  const releases = [...readReleases(repo), release];
  writeFileSync(join(releasesDir(repo), RELEASE_INDEX), `${JSON.stringify({ releases }, null, 2)}\n`);
  writeChangelog(repo);
  if (options.git) {
    git(repo, ['add', '--', RELEASES_DIR, CHANGELOG]);
    git(repo, ['commit', '-q', '-m', `Release contract ${version}: ${RELEASES_DIR}/${version}/ and CHANGELOG.md`]);
    git(repo, ['tag', '-a', release.tag, '-m', `BooksTrack contract ${version}`]);
    // Swift Package Manager resolves versions only from plain semver tags.
    git(repo, ['tag', '-a', version, '-m', `BooksTrack contract ${version} (Swift package)`]);
  }
  return release;
}

function option(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args[at + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const version = args.find((arg) => !arg.startsWith('--') && parseSemver(arg)) ?? args[0] ?? '';
  const options: ReleaseOptions = {
    repo: resolve(option(args, '--repo') ?? REPO_ROOT),
    version,
    date: option(args, '--date') ?? new Date().toISOString().slice(0, 10),
    git: !args.includes('--no-git'),
    verifyGenerated: !args.includes('--no-verify'),
  };
  try {
    const release = cutRelease(options);
    console.log(
      `released ${release.version}: ${RELEASES_DIR}/${release.version}/, ${CHANGELOG}${options.git ? `, tag ${release.tag}` : ''}`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
