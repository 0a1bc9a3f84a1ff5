// Runs an installed package's CLI with the current Node, quietly and without telemetry, so
// generation is offline and its output does not depend on the caller's PATH.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../core/paths';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

const QUIET_ENV = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  CI: 'true',
  NO_COLOR: '1',
};

/** Absolute path of `bin` (default: the package's only bin) of an installed package. */
export function packageBin(pkg: string, bin?: string): string {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin ?? Object.keys(manifest.bin ?? {})[0] ?? ''];
  if (!entry) throw new Error(`${pkg} has no bin ${bin ?? ''}`);
  return join(dirname(manifestPath), entry);
}

export async function runTool(pkg: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [packageBin(pkg), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...QUIET_ENV },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${pkg} ${args.join(' ')} failed:\n${failure.stderr ?? ''}${failure.stdout ?? ''}${failure.message}`);
  }
}
