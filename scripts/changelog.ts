// `npm run changelog` writes CHANGELOG.md from the releases and spec/ (release/changelog.ts);
// `npm run check:changelog` (`-- --check`) fails, naming the first differing line, when CHANGELOG.md is
// not what the generator writes (spec/ changed without `npm run changelog`, or a hand edit).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './core/paths';
import { renderChangelog } from './release/changelog';

export const CHANGELOG = 'CHANGELOG.md';

export interface ChangelogCheck {
  exitCode: number;
  lines: string[];
}

export function writeChangelog(repo: string): void {
  writeFileSync(join(repo, CHANGELOG), renderChangelog(repo));
}

export function checkChangelog(repo: string): ChangelogCheck {
  const file = join(repo, CHANGELOG);
  const want = renderChangelog(repo);
  const have = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (want === have)
    return { exitCode: 0, lines: [`check:changelog passed: ${CHANGELOG} matches the releases and spec/`] };
  const [wantLines, haveLines] = [want.split('\n'), have.split('\n')];
  const at = wantLines.findIndex((line, index) => line !== haveLines[index]);
  const line = (at === -1 ? wantLines.length : at) + 1;
  return {
    exitCode: 1,
    lines: [
      `check:changelog FAILED: ${CHANGELOG} differs from the generated one from line ${line}`,
      `  expected: ${wantLines[line - 1] ?? '(end of file)'}`,
      `  found:    ${haveLines[line - 1] ?? '(end of file)'}`,
      `run \`npm run changelog\` (release notes go in releases/X.Y.Z/NOTES.md, not in ${CHANGELOG})`,
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--repo');
  const repo = resolve(at === -1 ? REPO_ROOT : (args[at + 1] ?? REPO_ROOT));
  if (args.includes('--check')) {
    const result = checkChangelog(repo);
    for (const line of result.lines) console.log(line);
    process.exitCode = result.exitCode;
  } else {
    writeChangelog(repo);
    console.log(`wrote ${CHANGELOG}`);
  }
}
