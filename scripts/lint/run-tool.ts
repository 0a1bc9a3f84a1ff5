// Runs a CLI from node_modules/.bin without a shell and captures its output; lint tools report through
// stdout (JSON) and signal problems with their exit code, so a non-zero code is not an error here.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../core/paths';

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

const QUIET_ENV = {
  CI: 'true',
  NO_COLOR: '1',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

export function runTool(bin: string, args: readonly string[], env: Record<string, string> = {}): Promise<ToolRun> {
  const executable = join(REPO_ROOT, 'node_modules', '.bin', bin);
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { cwd: REPO_ROOT, env: { ...process.env, ...QUIET_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
