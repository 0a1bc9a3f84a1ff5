import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths';
import { captureTool, packageBin, runTool } from './run-tool';

// A throwaway package (resolved by its absolute folder): its bin prints its arguments and the
// environment it sees, writes to stderr, and exits with the code given as first argument.
const FAKE_TOOL = mkdtempSync(join(tmpdir(), 'run-tool-test-'));
writeFileSync(
  join(FAKE_TOOL, 'package.json'),
  JSON.stringify({ name: 'fake-tool', bin: { first: 'first.js', second: 'second.js' } }),
);
writeFileSync(
  join(FAKE_TOOL, 'first.js'),
  `const [code, ...rest] = process.argv.slice(2);
   // An odd number of bytes before the two-byte characters puts one across each 64 KiB chunk edge.
   if (rest.includes('--long')) process.stdout.write('x' + 'é'.repeat(100000));
   else console.log(JSON.stringify({ rest, cwd: process.cwd(), CI: process.env.CI, NO_COLOR: process.env.NO_COLOR, EXTRA: process.env.EXTRA }));
   console.error('to stderr');
   process.exitCode = Number(code);`,
);
writeFileSync(join(FAKE_TOOL, 'second.js'), 'console.log("second")');
afterAll(() => rmSync(FAKE_TOOL, { recursive: true, force: true }));

describe('running a package CLI', () => {
  it('resolves the first bin of a package, or the one named', () => {
    expect(packageBin(FAKE_TOOL)).toBe(join(FAKE_TOOL, 'first.js'));
    expect(packageBin(FAKE_TOOL, 'second')).toBe(join(FAKE_TOOL, 'second.js'));
    expect(packageBin('@redocly/cli')).toMatch(/@redocly[\\/]cli[\\/]bin[\\/]cli\.js$/);
    expect(() => packageBin(FAKE_TOOL, 'third')).toThrow(`${FAKE_TOOL} has no bin third`);
  });

  it('captures the exit code, stdout and stderr of a failing run instead of throwing', async () => {
    const run = await captureTool(FAKE_TOOL, ['3', 'a b']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ rest: ['a b'] });
    expect(run.stderr).toBe('to stderr\n');
  });

  it('runs from the repo root with the quiet defaults and the extra environment', async () => {
    const run = await captureTool(FAKE_TOOL, ['0'], { env: { EXTRA: 'yes' } });
    expect(JSON.parse(run.stdout)).toEqual({ rest: [], cwd: REPO_ROOT, CI: 'true', NO_COLOR: '1', EXTRA: 'yes' });
  });

  it('keeps multi-byte characters whole across output chunks', async () => {
    const run = await captureTool(FAKE_TOOL, ['0', '--long']);
    expect(run.stdout).toBe('x' + 'é'.repeat(100000));
  });

  it('returns stdout of a successful run and throws with the output of a failing one', async () => {
    expect(await runTool(FAKE_TOOL, ['0'], { bin: 'second' })).toBe('second\n');
    await expect(runTool(FAKE_TOOL, ['2', 'x'])).rejects.toThrow(
      `${FAKE_TOOL} 2 x failed (exit 2):\nto stderr\n{"rest":["x"]`,
    );
  });
});
