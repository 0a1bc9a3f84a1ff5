// Runs an installed package's CLI with the current Node from the repo root, quietly and without
// telemetry, so the scripts work offline and their results do not depend on the caller's PATH.
// Two ways to call it: `runTool` for a step that must succeed (the generator), `captureTool` for
// tools that report through stdout and signal findings with their exit code (the lint).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './paths';

const require = createRequire(import.meta.url);

const QUIET_ENV = {
  CI: 'true',
  NO_COLOR: '1',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ToolOptions {
  /** Which bin of the package; default: its first. */
  bin?: string;
  /** Added over the caller's environment and the quiet defaults. */
  env?: Record<string, string>;
  /** Working folder; default: the repo root. */
  cwd?: string;
}

/** The package's package.json, also for packages whose `exports` do not list it (dependency-cruiser). */
function packageManifestPath(pkg: string): string {
  try {
    return require.resolve(`${pkg}/package.json`);
  } catch {
    const found = (require.resolve.paths(pkg) ?? [])
      .map((dir) => join(dir, pkg, 'package.json'))
      .find((path) => existsSync(path));
    if (!found) throw new Error(`${pkg} is not installed`);
    return found;
  }
}

/** Absolute path of `bin` (default: the package's first bin) of an installed package. */
export function packageBin(pkg: string, bin?: string): string {
  const manifestPath = packageManifestPath(pkg);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const entry =
    typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin ?? Object.keys(manifest.bin ?? {})[0] ?? ''];
  if (!entry) throw new Error(`${pkg} has no bin ${bin ?? ''}`);
  return join(dirname(manifestPath), entry);
}

/** Exit code and full output; a non-zero exit is a result here, not an error. */
export function captureTool(pkg: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolRun> {
  const command = [packageBin(pkg, options.bin), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...QUIET_ENV, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    // Decoding per stream, not per chunk: a multi-byte character may straddle two chunks.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Stdout of a run that must succeed; a non-zero exit throws with the tool's output. */
export async function runTool(pkg: string, args: readonly string[], options: ToolOptions = {}): Promise<string> {
  const run = await captureTool(pkg, args, options);
  if (run.code === 0) return run.stdout;
  throw new Error(`${pkg} ${args.join(' ')} failed (exit ${run.code}):\n${run.stderr}${run.stdout}`);
}
