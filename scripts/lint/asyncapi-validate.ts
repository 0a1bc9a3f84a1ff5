// Lint step: `asyncapi validate` (the AsyncAPI CLI: the official parser plus its governance rules)
// over the AsyncAPI root; its JSON diagnostics become findings. CI=true and a throwaway metrics
// config keep the CLI from sending anything or writing into the home folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Finding, Severity } from './finding';
import { REPO_ROOT } from '../core/paths';
import { captureTool } from '../core/run-tool';

interface Diagnostic {
  code: string | number;
  message: string;
  path: (string | number)[];
  /** Spectral's DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint. */
  severity: number;
  range: { start: { line: number; character: number } };
  source?: string;
}

const SEVERITY: readonly Severity[] = ['error', 'warning', 'info', 'info'];

/** The CLI prints a verdict line, then the diagnostics as one JSON array. */
export function parseDiagnostics(stdout: string): Diagnostic[] | undefined {
  const start = stdout.search(/^\[/m);
  if (start === -1) return undefined;
  return JSON.parse(stdout.slice(start)) as Diagnostic[];
}

function toFinding(diagnostic: Diagnostic, root: string): Finding {
  const source = diagnostic.source ?? root;
  return {
    tool: 'asyncapi-cli',
    rule: String(diagnostic.code),
    severity: SEVERITY[diagnostic.severity] ?? 'error',
    message: `${diagnostic.message} (at ${diagnostic.path.join('.') || 'root'})`,
    file: isAbsolute(source) ? source : join(REPO_ROOT, source),
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
  };
}

export async function validateAsyncApi(root: string): Promise<Finding[]> {
  const home = mkdtempSync(join(tmpdir(), 'bookstrack-asyncapi-cli-'));
  const metricsConfig = join(home, 'analytics.json');
  writeFileSync(
    metricsConfig,
    JSON.stringify({ analyticsEnabled: 'false', infoMessageShown: 'true', userID: 'bookstrack-lint' }),
  );
  try {
    const args = ['validate', root, '--diagnostics-format', 'json', '--fail-severity', 'error'];
    // CI=true comes with every tool run (core/run-tool.ts).
    const env = { ASYNCAPI_METRICS_CONFIG_PATH: metricsConfig, SUPPRESS_NO_CONFIG_WARNING: '1' };
    const run = await captureTool('@asyncapi/cli', args, { env });
    const diagnostics = parseDiagnostics(run.stdout);
    if (diagnostics) return diagnostics.map((diagnostic) => toFinding(diagnostic, root));
    if (run.code === 0) return [];
    const why = `${run.stderr}${run.stdout}`.trim().split('\n').slice(-3).join(' ');
    return [
      {
        tool: 'asyncapi-cli',
        rule: 'asyncapi-validate-run',
        severity: 'error',
        message: why || `exit ${run.code}`,
        file: root,
        line: 0,
        column: 0,
      },
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
