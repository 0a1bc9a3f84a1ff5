// `npm run check:breaking [-- --base <ref>]`: compares spec/ of the working tree with spec/ of a git ref
// (default HEAD~1) and fails on breaking changes for existing clients, judged by direction (see
// breaking/schema-diff.ts). A base without spec/ (or a missing default base) passes with a note, and so
// do the changes of a document whose info.version major was raised, once CHANGELOG.md has an entry
// (`## [<version>]`) for that version: a break is allowed only when it is declared and recorded.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareSpecs, formatChanges } from './breaking/compare-specs';
import { checkoutSpec, refExists } from './breaking/git-spec';
import { REPO_ROOT } from './core/paths';

const DEFAULT_BASE = 'HEAD~1';

const BUMP_HINT = 'to ship them, raise the info.version major of both documents and record them in CHANGELOG.md';

/** True when the repository's CHANGELOG.md has a Keep a Changelog heading `## [version]`. */
export function hasChangelogEntry(repo: string, version: string): boolean {
  const file = join(repo, 'CHANGELOG.md');
  if (!existsSync(file)) return false;
  const heading = new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm');
  return heading.test(readFileSync(file, 'utf8'));
}

export interface BreakingCheck {
  exitCode: number;
  lines: string[];
}

export function checkBreaking(repo: string, base: string | undefined): BreakingCheck {
  const ref = base ?? DEFAULT_BASE;
  if (!refExists(repo, ref)) {
    if (base === undefined)
      return {
        exitCode: 0,
        lines: [`check:breaking passed: no ${DEFAULT_BASE} commit to compare with (first commit or shallow clone)`],
      };
    return { exitCode: 2, lines: [`check:breaking FAILED: base ref "${ref}" does not exist`] };
  }
  const baseDir = checkoutSpec(repo, ref);
  if (!baseDir) return { exitCode: 0, lines: [`check:breaking passed: ${ref} has no spec/, nothing to compare`] };
  try {
    const { changes, notes, allowedBy } = compareSpecs(join(baseDir, 'spec'), join(repo, 'spec'));
    const distinct = formatChanges(changes);
    const lines = [...notes.map((note) => `note: ${note}`), ...distinct.map((line) => `BREAKING ${line}`)];
    const unrecorded = [...new Set(allowedBy)].filter((version) => !hasChangelogEntry(repo, version));
    if (unrecorded.length > 0) {
      const missing = unrecorded.map((version) => `"## [${version}]"`).join(', ');
      return {
        exitCode: 1,
        lines: [
          ...lines,
          `check:breaking FAILED: the major bump is not recorded: CHANGELOG.md has no ${missing} entry`,
        ],
      };
    }
    if (changes.length === 0) {
      const verdict = allowedBy.length > 0 ? 'no unannounced breaking change' : 'no breaking change';
      return { exitCode: 0, lines: [...lines, `check:breaking passed: ${verdict} since ${ref}`] };
    }
    const summary = `check:breaking FAILED: ${distinct.length} breaking change(s) since ${ref} (${changes.length} affected location(s)); ${BUMP_HINT}`;
    return { exitCode: 1, lines: [...lines, summary] };
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
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
