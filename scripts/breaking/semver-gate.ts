// Semantic versioning of the contract against its base (the last release, else the previous commit):
// a breaking change needs a raised major, an additive one at least a raised minor, docs nothing (a
// patch bump is allowed). A version that went down, documents that disagree on the version, and a
// raised version with nothing changed are refused too.
import type { Change, ChangeKind } from './change';

export type Bump = 'none' | 'patch' | 'minor' | 'major';

const BUMP_ORDER: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

const NEEDED: Record<ChangeKind, Bump> = { breaking: 'major', additive: 'minor', docs: 'none' };

type Semver = [number, number, number];

export function parseSemver(version: string): Semver | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function compareSemver(a: string, b: string): number {
  const [x, y] = [parseSemver(a), parseSemver(b)];
  if (!x || !y) return a.localeCompare(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** How `head` was raised over `base`; undefined when it went down. */
export function bumpOf(base: Semver, head: Semver): Bump | undefined {
  for (let part = 0; part < 3; part += 1) {
    if (head[part]! > base[part]!) return BUMP_ORDER[3 - part];
    if (head[part]! < base[part]!) return undefined;
  }
  return 'none';
}

/** The smallest bump the changes need. */
export function neededBump(changes: readonly Change[]): Bump {
  return changes.reduce<Bump>(
    (bump, change) => (BUMP_ORDER.indexOf(NEEDED[change.kind]) > BUMP_ORDER.indexOf(bump) ? NEEDED[change.kind] : bump),
    'none',
  );
}

export interface Verdict {
  ok: boolean;
  /** Why it failed, or what was bumped. */
  reason: string;
}

export function judgeVersion(
  changes: readonly Change[],
  baseVersion: string,
  headVersions: readonly string[],
): Verdict {
  const distinct = [...new Set(headVersions)];
  if (distinct.length !== 1)
    return { ok: false, reason: `the documents disagree on info.version (${distinct.join(', ') || 'none'})` };
  const headVersion = distinct[0]!;
  const [base, head] = [parseSemver(baseVersion), parseSemver(headVersion)];
  if (!base || !head) return { ok: false, reason: `not semver: ${baseVersion} → ${headVersion}` };
  const bump = bumpOf(base, head);
  if (!bump) return { ok: false, reason: `info.version went down from ${baseVersion} to ${headVersion}` };
  const needed = neededBump(changes);
  if (BUMP_ORDER.indexOf(bump) < BUMP_ORDER.indexOf(needed)) {
    const kind = needed === 'major' ? 'breaking' : 'additive';
    const next = needed === 'major' ? `${base[0] + 1}.0.0` : `${base[0]}.${base[1] + 1}.0`;
    return {
      ok: false,
      reason: `${kind} changes need a ${needed} bump over ${baseVersion} (e.g. ${next}); info.version is ${headVersion}`,
    };
  }
  if (bump !== 'none' && changes.length === 0)
    return { ok: false, reason: `info.version was raised from ${baseVersion} to ${headVersion} but nothing changed` };
  return {
    ok: true,
    reason: bump === 'none' ? `version ${headVersion} kept` : `${bump} bump ${baseVersion} → ${headVersion}`,
  };
}
