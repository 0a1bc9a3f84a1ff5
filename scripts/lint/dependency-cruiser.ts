// Dependency step of the lint: dependency-cruiser over the source folders with .dependency-cruiser.cjs
// (import cycles, and the layers: pure rules never import the Durable Object shell or the wiring);
// each violation becomes a finding on the importing file, at the line of the import when it is found.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Severity } from './finding';
import { DEPCRUISE_CONFIG, REPO_ROOT } from '../core/paths';
import { captureTool } from '../core/run-tool';

/** Relative to the cruised root; a fixture tree holds only some of them. */
export const CRUISED_FOLDERS = ['server/src', 'client/src', 'scripts', 'generated'] as const;

interface Violation {
  type: string;
  from: string;
  to: string;
  /** The specifier as written in `from`. */
  unresolvedTo?: string;
  dependencyTypes?: string[];
  rule: { name: string; severity: 'error' | 'warn' | 'info' | 'ignore' };
  cycle?: { name: string }[];
}

const SEVERITY: Record<string, Severity> = { error: 'error', warn: 'warning', info: 'info' };

/** 1-based line and column of the first quoted occurrence of the specifier; 0 when not found. */
export function locateImport(source: string, specifier: string | undefined): { line: number; column: number } {
  if (!specifier) return { line: 0, column: 0 };
  const lines = source.split('\n');
  for (const [index, text] of lines.entries()) {
    const column = Math.max(text.indexOf(`'${specifier}'`), text.indexOf(`"${specifier}"`));
    if (column !== -1) return { line: index + 1, column: column + 1 };
  }
  return { line: 0, column: 0 };
}

function explain(violation: Violation): string {
  const typeOnly = violation.dependencyTypes?.includes('type-only') ? 'type-only ' : '';
  const edge = `${typeOnly}import of ${violation.to}`;
  if (!violation.cycle) return edge;
  return `${edge} closes a cycle: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' → ')}`;
}

function toFinding(violation: Violation, root: string): Finding {
  const file = join(root, violation.from);
  const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return {
    tool: 'dependency-cruiser',
    rule: violation.rule.name,
    severity: SEVERITY[violation.rule.severity] ?? 'error',
    message: explain(violation),
    file,
    ...locateImport(source, violation.unresolvedTo),
  };
}

/** Cruises the source folders under `root` (the repo, or a fixture tree laid out like it). */
export async function runDependencyCruiser(root = REPO_ROOT, config = DEPCRUISE_CONFIG): Promise<Finding[]> {
  const folders = CRUISED_FOLDERS.filter((folder) => existsSync(join(root, folder)));
  const run = await captureTool('dependency-cruiser', ['--config', config, '--output-type', 'json', ...folders], {
    bin: 'depcruise',
    cwd: root,
  });
  let violations: Violation[];
  try {
    violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  } catch {
    const why = `${run.stderr}${run.stdout}`.trim().split('\n').slice(0, 3).join(' ');
    return [
      {
        tool: 'dependency-cruiser',
        rule: 'dependency-cruiser-run',
        severity: 'error',
        message: why || `exit ${run.code}`,
        file: config,
        line: 0,
        column: 0,
      },
    ];
  }
  return violations
    .filter((violation) => violation.rule.severity !== 'ignore')
    .map((violation) => toFinding(violation, root));
}
