import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareTrees, listTree } from './check-generated';
import { GENERATED_DIR, SCRIPTS_DIR } from './core/paths';
import { tempTree } from './core/temp-tree';

const temporary: string[] = [];

function tempDir(files: Record<string, string> = {}): string {
  const dir = tempTree('check-generated-test-', files);
  temporary.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('compareTrees', () => {
  it('lists stale files with the first differing line, missing files and extra files', () => {
    const fresh = tempDir({ 'a.ts': 'one\ntwo\nthree\n', 'docs/b.html': '<p>b</p>', 'c.ts': 'c' });
    const committed = tempDir({ 'a.ts': 'one\nTWO\nthree\n', 'c.ts': 'c', 'old.ts': 'gone' });
    expect(compareTrees(fresh, committed)).toEqual([
      { kind: 'stale', path: 'a.ts', detail: 'differs from a fresh run from line 2' },
      { kind: 'missing', path: 'docs/b.html', detail: 'the generator writes it; generated/ lacks it' },
      { kind: 'extra', path: 'old.ts', detail: 'not written by the generator' },
    ]);
  });

  it('finds no difference between identical trees', () => {
    const files = { 'a.ts': 'a', 'swift/M.swift': 'struct M {}' };
    expect(compareTrees(tempDir(files), tempDir(files))).toEqual([]);
  });

  it('ignores the workspace files and tool folders the generator does not own', () => {
    const committed = tempDir({
      'a.ts': 'a',
      'package.json': '{}',
      'tsconfig.json': '{}',
      'node_modules/z/index.js': '',
      '.turbo/log': '',
    });
    expect(listTree(committed)).toEqual(['a.ts']);
    expect(compareTrees(tempDir({ 'a.ts': 'a' }), committed)).toEqual([]);
  });
});

describe('npm run check:generated', () => {
  it('exits 1 and names the edited, deleted and added files of a tampered generated/', () => {
    const tampered = tempDir();
    cpSync(GENERATED_DIR, tampered, { recursive: true, filter: (source) => !source.includes('node_modules') });
    writeFileSync(
      join(tampered, 'schemas.ts'),
      readFileSync(join(tampered, 'schemas.ts'), 'utf8').replace(/\n/, '\n// hand edit\n'),
    );
    rmSync(join(tampered, 'constants.ts'));
    writeFileSync(join(tampered, 'notes.txt'), 'not generated');

    const run = spawnSync('npx', ['tsx', 'check-generated.ts', '--generated', tampered], {
      cwd: SCRIPTS_DIR,
      encoding: 'utf8',
    });

    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.some((line) => /^stale +.*\/schemas\.ts: differs from a fresh run from line \d+$/.test(line))).toBe(
      true,
    );
    expect(lines.some((line) => /^missing +.*\/constants\.ts: /.test(line))).toBe(true);
    expect(lines.some((line) => /^extra +.*\/notes\.txt: not written by the generator$/.test(line))).toBe(true);
    expect(run.stdout).toContain('check:generated FAILED');
  }, 240_000);
});
