import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectOperationIds, findDuplicateOperationIds } from './cross-document';
import { LINT_FIXTURES_DIR } from '../core/paths';
import { loadSpecFile } from './spec-files';

const dir = join(LINT_FIXTURES_DIR, 'cross-document');

function lintFixture() {
  const openapi = loadSpecFile(join(dir, 'openapi.yaml'));
  const asyncapi = loadSpecFile(join(dir, 'asyncapi.yaml'));
  const sites = collectOperationIds(openapi, asyncapi, loadSpecFile);
  return { sites, findings: findDuplicateOperationIds(sites) };
}

describe('bookstrack-operation-id-unique-across-documents', () => {
  it('collects operationIds from inline path items, $ref path files and AsyncAPI operation keys', () => {
    const ids = lintFixture()
      .sites.map((site) => site.id)
      .sort();
    expect(ids).toEqual(['getHealth', 'getHealth', 'getUnique', 'receiveReady', 'receiveReady', 'sendReadyAck']);
  });

  it('reports an id shared by an OpenAPI path file and an AsyncAPI operation, at both places', () => {
    const clashes = lintFixture().findings.filter((finding) => finding.message.includes('"receiveReady"'));
    expect(clashes.map((finding) => [finding.file.slice(dir.length + 1), finding.line])).toEqual([
      ['paths/ready.yaml', 3],
      ['asyncapi.yaml', 7],
    ]);
    expect(clashes[0]?.rule).toBe('bookstrack-operation-id-unique-across-documents');
  });

  it('reports an id used twice inside the OpenAPI document', () => {
    const lines = lintFixture()
      .findings.filter((finding) => finding.message.includes('"getHealth"'))
      .map((finding) => finding.line);
    expect(lines).toEqual([12, 17]);
  });

  it('reports nothing for ids used once', () => {
    const messages = lintFixture()
      .findings.map((finding) => finding.message)
      .join('\n');
    expect(messages).not.toContain('getUnique');
    expect(messages).not.toContain('sendReadyAck');
  });
});
