// The committed releases: `releases/index.json` lists them, `releases/<version>/` holds the two bundles
// as generated/ had them when `npm run release` cut the version (plus an optional hand-written
// NOTES.md). Committed, not only tagged, so that a tagless or shallow clone still knows its releases.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSemver } from '../breaking/semver-gate';

export const RELEASES_DIR = 'releases';
export const RELEASE_INDEX = 'index.json';
export const RELEASE_NOTES = 'NOTES.md';
export const BUNDLE_FILES = ['openapi.json', 'asyncapi.json'] as const;

export interface Release {
  version: string;
  /** The git tag `npm run release` created (`contract-v2.0.0`). */
  tag: string;
  /** UTC day of the release, `YYYY-MM-DD`. */
  date: string;
}

export interface ReleaseIndex {
  releases: Release[];
}

export const tagOf = (version: string): string => `contract-v${version}`;

export const releasesDir = (repo: string): string => join(repo, RELEASES_DIR);

export const releaseDir = (repo: string, version: string): string => join(releasesDir(repo), version);

/** Every release, oldest first; none when releases/index.json is absent. Throws on a listed release without its bundles. */
export function readReleases(repo: string): Release[] {
  const index = join(releasesDir(repo), RELEASE_INDEX);
  if (!existsSync(index)) return [];
  const { releases } = JSON.parse(readFileSync(index, 'utf8')) as ReleaseIndex;
  for (const release of releases) {
    for (const file of BUNDLE_FILES) {
      if (!existsSync(join(releaseDir(repo, release.version), file)))
        throw new Error(
          `${RELEASES_DIR}/${RELEASE_INDEX} lists ${release.version} but ${RELEASES_DIR}/${release.version}/${file} is missing`,
        );
    }
  }
  return [...releases].sort((a, b) => compareSemver(a.version, b.version));
}

export function lastRelease(repo: string): Release | undefined {
  return readReleases(repo).at(-1);
}

/** The hand-written notes of a release (`releases/<version>/NOTES.md`), trimmed, or undefined. */
export function releaseNotes(repo: string, version: string): string | undefined {
  const file = join(releaseDir(repo, version), RELEASE_NOTES);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
