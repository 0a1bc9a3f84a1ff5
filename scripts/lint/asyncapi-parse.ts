// Lint step: the official AsyncAPI parser (the one the html-template and client generators use)
// must parse the document with no error diagnostics; its warnings are left to Spectral's asyncapi rules,
// which report the same findings.
import { DiagnosticSeverity, Parser, fromFile } from '@asyncapi/parser';
import type { Finding } from './finding';

export async function parseAsyncApi(root: string): Promise<Finding[]> {
  const { diagnostics } = await fromFile(new Parser(), root).parse();
  return diagnostics
    .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
    .map((diagnostic) => ({
      tool: 'asyncapi-parser',
      rule: String(diagnostic.code),
      severity: 'error',
      message: `${diagnostic.message} (at ${diagnostic.path.join('.') || 'root'})`,
      file: diagnostic.source ?? root,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
    }));
}
