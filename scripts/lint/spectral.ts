// Spectral step of the lint: runs the Spectral CLI once over all given files with .spectral.yaml and
// turns its JSON report into findings. Unknown-format files (spec/schemas/*.yaml) get the project rules.
import { captureTool } from '../core/run-tool';
import { SPECTRAL_RULESET } from '../core/paths';
import type { Finding, Severity } from './finding';

interface SpectralResult {
  code: string | number;
  message: string;
  severity: number;
  source?: string;
  range: { start: { line: number; character: number } };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'info'];

function toFinding(result: SpectralResult, fallbackFile: string): Finding {
  return {
    tool: 'spectral',
    rule: String(result.code),
    severity: SEVERITIES[result.severity] ?? 'error',
    message: result.message,
    file: result.source ?? fallbackFile,
    line: result.range.start.line + 1,
    column: result.range.start.character + 1,
  };
}

export async function runSpectral(files: readonly string[], ruleset = SPECTRAL_RULESET): Promise<Finding[]> {
  const args = ['lint', ...files, '--ruleset', ruleset, '--format', 'json', '--ignore-unknown-format', '--quiet'];
  const run = await captureTool('@stoplight/spectral-cli', args);
  const start = run.stdout.indexOf('[');
  if (start === -1) {
    const why = (run.stderr || run.stdout).trim();
    return [
      {
        tool: 'spectral',
        rule: 'spectral-run',
        severity: 'error',
        message: why || `exit ${run.code}`,
        file: ruleset,
        line: 0,
        column: 0,
      },
    ];
  }
  const results = JSON.parse(run.stdout.slice(start)) as SpectralResult[];
  return results.map((result) => toFinding(result, files[0] ?? ruleset));
}
