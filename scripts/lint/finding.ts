// One lint problem from any tool, in the shape `npm run lint` prints: file:line:col severity rule message.
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  tool: string;
  rule: string;
  severity: Severity;
  message: string;
  /** Absolute path of the file the problem is in. */
  file: string;
  /** 1-based; 0 when the tool gives no position. */
  line: number;
  column: number;
}

/** Errors and warnings fail the lint; infos are printed in the summary only. */
export function isFailing(finding: Finding): boolean {
  return finding.severity !== 'info';
}
