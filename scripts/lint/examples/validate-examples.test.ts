import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_FIXTURES_DIR } from '../../core/paths';
import { loadSpecTree } from '../spec-files';
import { validateExamples } from './validate-examples';

const specDir = join(LINT_FIXTURES_DIR, 'examples-spec');

function lintFixture() {
  const result = validateExamples(specDir, loadSpecTree(specDir));
  const findings = result.findings.map(
    (finding) => `${finding.file.slice(specDir.length + 1)}:${finding.line} ${finding.rule} ${finding.message}`,
  );
  return { checked: result.checked, findings };
}

describe('validateExamples', () => {
  it('finds the examples of schemas, media types, parameters and messages', () => {
    expect(lintFixture().checked).toBe(12);
  });

  it('reports a schema example with a wrong type at the offending value', () => {
    expect(lintFixture().findings).toContain(
      'schemas/Book.yaml:22 example-valid example /year must be integer {"type":"integer"}',
    );
  });

  it('reports an enum violation of a schema reached through a relative $ref in another schema file', () => {
    expect(lintFixture().findings).toContain(
      'openapi/paths/books.yaml:25 example-valid example /shelf must be equal to one of the allowed values {"allowedValues":["read","to-read"]}',
    );
  });

  it('reports extra properties, parameter limits and missing required fields of OpenAPI examples', () => {
    const { findings } = lintFixture();
    expect(findings).toContain(
      'openapi/paths/books.yaml:23 example-valid example (root) must NOT have additional properties {"additionalProperty":"extra"}',
    );
    expect(findings).toContain(
      'openapi/paths/books.yaml:11 example-valid example (root) must be <= 10 {"comparison":"<=","limit":10}',
    );
    expect(findings).toContain(
      'openapi/paths/books.yaml:39 example-valid example /data must have required property \'title\' {"missingProperty":"title"}',
    );
  });

  it('reports an AsyncAPI message example whose type tag does not match the payload schema', () => {
    expect(lintFixture().findings).toContain(
      'asyncapi/messages/added.yaml:19 example-valid example /type must be equal to constant {"allowedValue":"added"}',
    );
  });

  it('reports a schema file without examples', () => {
    expect(lintFixture().findings).toContain('schemas/Untitled.yaml:2 schema-examples schema has no `examples`');
  });

  it('reports a response body schema with examples, which a mock would serve for every status', () => {
    expect(lintFixture().findings).toContain(
      'schemas/Envelope.yaml:10 response-schema-examples a response body schema has `examples`: mock servers (Prism) answer every status with them; keep them on the responses',
    );
  });

  it('accepts the valid examples: exactly the nine broken ones are reported', () => {
    expect(lintFixture().findings).toHaveLength(9);
  });
});
