// Writes the spec/ tree of a git ref into a temporary folder (`git show <ref>:<path>` per file), so the
// base version can be read with the same loader as the working tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function git(repo: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** True when `ref` names a commit of the repository. */
export function refExists(repo: string, ref: string): boolean {
  try {
    git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Folder holding `<ref>:spec/**` as `<folder>/spec/**`, or undefined when the ref has no spec/ files. */
export function checkoutSpec(repo: string, ref: string): string | undefined {
  const files = git(repo, ['ls-tree', '-r', '--name-only', ref, '--', 'spec/']).split('\n').filter(Boolean);
  if (files.length === 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bookstrack-base-spec-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), git(repo, ['show', `${ref}:${file}`]));
  }
  return dir;
}
