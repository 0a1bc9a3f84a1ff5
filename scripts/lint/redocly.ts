// Redocly step of the lint: `redocly lint` over the APIs of redocly.yaml (both spec roots); its JSON
// reports (one per API) turned into findings.
import { isAbsolute, join } from 'node:path';
import { parseJsonObjects } from './json-stream';
import { captureTool } from '../core/run-tool';
import { REDOCLY_CONFIG, REPO_ROOT } from '../core/paths';
import type { Finding } from './finding';

interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn' | 'off';
  message: string;
  location: { source: { ref: string }; start?: { line: number; col: number } }[];
}

function toFinding(problem: RedoclyProblem): Finding {
  const where = problem.location[0];
  const ref = where?.source.ref ?? REDOCLY_CONFIG;
  return {
    tool: 'redocly',
    rule: problem.ruleId,
    severity: problem.severity === 'error' ? 'error' : 'warning',
    message: problem.message,
    file: isAbsolute(ref) ? ref : join(REPO_ROOT, ref),
    line: where?.start?.line ?? 0,
    column: where?.start?.col ?? 0,
  };
}

/** Lints the APIs of the config, or the given files with the config's rules. */
export async function runRedocly(config = REDOCLY_CONFIG, files: readonly string[] = []): Promise<Finding[]> {
  const run = await captureTool('@redocly/cli', ['lint', ...files, '--config', config, '--format', 'json']);
  const reports = parseJsonObjects(run.stdout) as { problems?: RedoclyProblem[] }[];
  if (reports.length === 0) {
    const why = run.stderr
      .split('\n')
      .filter((line) => line.trim() && !/[║╔╚]/.test(line))
      .join(' ');
    return [
      {
        tool: 'redocly',
        rule: 'redocly-run',
        severity: 'error',
        message: why || `exit ${run.code}`,
        file: config,
        line: 0,
        column: 0,
      },
    ];
  }
  return reports
    .flatMap((report) => report.problems ?? [])
    .filter((problem) => problem.severity !== 'off')
    .map(toFinding);
}
