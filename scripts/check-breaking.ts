// `npm run check:breaking [-- --base <ref>]`: classifies every change of spec/ in the working tree
// (breaking / additive / docs, see breaking/) against the last release (the newest in
// releases/index.json), or against spec/ of a git ref: `--base`, else HEAD~1 before the first release.
// Semver is enforced (breaking/semver-gate.ts): a breaking change needs a major bump over the base, an
// additive one a minor bump, docs none; a lowered version or a bump with nothing changed fails too.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Change, ChangeKind } from './breaking/change';
import {
  compareContracts,
  formatChanges,
  releaseBundles,
  specTree,
  type ContractSource,
} from './breaking/compare-specs';
import { checkoutSpec, refExists } from './breaking/git-spec';
import { judgeVersion } from './breaking/semver-gate';
import { REPO_ROOT } from './core/paths';
import { lastRelease, releaseDir, RELEASES_DIR } from './release/releases';

const DEFAULT_BASE = 'HEAD~1';

const KINDS: readonly ChangeKind[] = ['breaking', 'additive', 'docs'];

export interface BreakingCheck {
  exitCode: number;
  lines: string[];
}

function changeLines(changes: readonly Change[]): { lines: string[]; counts: string } {
  const lines: string[] = [];
  const counts: string[] = [];
  for (const kind of KINDS) {
    const distinct = formatChanges(changes.filter((change) => change.kind === kind));
    lines.push(...distinct.map((line) => `${kind.toUpperCase()} ${line}`));
    if (distinct.length > 0) counts.push(`${distinct.length} ${kind}`);
  }
  return { lines, counts: counts.length === 0 ? 'no change' : `${counts.join(', ')} change(s)` };
}

function judge(repo: string, base: ContractSource, label: string, releasedVersion?: string): BreakingCheck {
  const comparison = compareContracts(base, specTree(join(repo, 'spec')));
  const { lines, counts } = changeLines(comparison.changes);
  const output = [...comparison.notes.map((note) => `note: ${note}`), ...lines];
  const baseVersion = releasedVersion ?? comparison.baseVersions[0];
  if (baseVersion === undefined) {
    const breaking = comparison.changes.some((change) => change.kind === 'breaking');
    const verdict = `${counts} since ${label}, whose documents state no version`;
    return breaking
      ? { exitCode: 1, lines: [...output, `check:breaking FAILED: ${verdict}`] }
      : { exitCode: 0, lines: [...output, `check:breaking passed: ${verdict}`] };
  }
  const verdict = judgeVersion(comparison.changes, baseVersion, comparison.headVersions);
  if (verdict.ok)
    return { exitCode: 0, lines: [...output, `check:breaking passed: ${counts} since ${label}; ${verdict.reason}`] };
  return { exitCode: 1, lines: [...output, `check:breaking FAILED: ${verdict.reason} (${counts} since ${label})`] };
}

function judgeRef(repo: string, ref: string, isDefault: boolean): BreakingCheck {
  if (!refExists(repo, ref)) {
    if (isDefault)
      return {
        exitCode: 0,
        lines: [
          `check:breaking passed: no release and no ${DEFAULT_BASE} commit to compare with (first commit or shallow clone)`,
        ],
      };
    return { exitCode: 2, lines: [`check:breaking FAILED: base ref "${ref}" does not exist`] };
  }
  const baseDir = checkoutSpec(repo, ref);
  if (!baseDir) return { exitCode: 0, lines: [`check:breaking passed: ${ref} has no spec/, nothing to compare`] };
  try {
    const check = judge(repo, specTree(join(baseDir, 'spec')), ref);
    const why = isDefault ? [`note: no release in ${RELEASES_DIR}/index.json yet: comparing with ${ref}`] : [];
    return { ...check, lines: [...why, ...check.lines] };
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
}

/** `base`: a git ref to compare with; undefined for the last release, else HEAD~1. */
export function checkBreaking(repo: string, base: string | undefined): BreakingCheck {
  if (base !== undefined) return judgeRef(repo, base, false);
  const release = lastRelease(repo);
  if (!release) return judgeRef(repo, DEFAULT_BASE, true);
  const label = `release ${release.version} (${RELEASES_DIR}/${release.version})`;
  return judge(repo, releaseBundles(releaseDir(repo, release.version)), label, release.version);
}

function option(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args[at + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const repo = resolve(option(args, '--repo') ?? REPO_ROOT);
  const result = checkBreaking(repo, option(args, '--base'));
  for (const line of result.lines) console.log(line);
  process.exitCode = result.exitCode;
}
