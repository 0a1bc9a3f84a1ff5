// Prints lint findings as `file:line:col  severity  rule  message  [tool]`, sorted by file and line, so
// editors and CI logs can jump to the spot.
import { relative } from 'node:path';
import { isFailing, type Finding } from './finding';

function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

export function formatFinding(finding: Finding, root: string): string {
  const where = `${relative(root, finding.file)}:${finding.line}:${finding.column}`;
  return `${where}  ${finding.severity}  ${finding.rule}  ${finding.message}  [${finding.tool}]`;
}

export function formatReport(findings: readonly Finding[], root: string): string[] {
  return [...findings].sort(compareFindings).map((finding) => formatFinding(finding, root));
}

export function countBySeverity(findings: readonly Finding[]): { failing: number; infos: number } {
  const failing = findings.filter(isFailing).length;
  return { failing, infos: findings.length - failing };
}
