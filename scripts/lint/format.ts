// Lint step: `prettier --check` over the tree (.prettierrc.json, .prettierignore); each file that
// Prettier would rewrite is one finding. `npm run format` rewrites them.
import { join } from 'node:path';
import { REPO_ROOT } from '../core/paths';
import { captureTool } from '../core/run-tool';
import type { Finding } from './finding';

/** The files `prettier --list-different` printed, one per line. */
export function unformattedFiles(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export async function checkFormatting(root = REPO_ROOT): Promise<Finding[]> {
  const run = await captureTool('prettier', ['--list-different', '--ignore-unknown', '.'], { cwd: root });
  // Exit 1 means "some files differ"; 2 means Prettier itself failed.
  if (run.code === 2) {
    return [
      {
        tool: 'prettier',
        rule: 'prettier-run',
        severity: 'error',
        message: run.stderr.trim() || 'exit 2',
        file: join(root, '.prettierrc.json'),
        line: 0,
        column: 0,
      },
    ];
  }
  return unformattedFiles(run.stdout).map((file) => ({
    tool: 'prettier',
    rule: 'format',
    severity: 'error',
    message: 'not formatted as Prettier would (run `npm run format`)',
    file: join(root, file),
    line: 0,
    column: 0,
  }));
}
