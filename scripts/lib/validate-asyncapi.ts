// Runs the official AsyncAPI parser over the bundle: the generator must never write a document
// the html-template (which uses the same parser) would reject.
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import type { JsonSchema } from './json-schema';

export async function validateAsyncApi(document: JsonSchema): Promise<void> {
  const { diagnostics } = await new Parser().parse(JSON.stringify(document));
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.path.join('.')}: ${error.message}`);
    throw new Error(`asyncapi.json is not a valid AsyncAPI document:\n${lines.join('\n')}`);
  }
}
