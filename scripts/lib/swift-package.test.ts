// The Swift package as an iOS team gets it: the root manifest points at the generated folders,
// every .swift file of it parses (no Swift compiler here, so tree-sitter-swift stands in), and
// the test target has a decoding test for every example the contract states.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../core/list-files';
import { GENERATED_DIR, REPO_ROOT, specPaths } from '../core/paths';
import { isSchema, type JsonSchema } from './json-schema';
import { listOperations } from './openapi-operations';
import { loadSchemas } from './schema-files';
import { canonicalJson } from './spec-examples';
import { SWIFT_PACKAGE, rootPackageManifest } from './swift-package';
import { loadSwiftParser, swiftSyntaxErrors } from './swift-syntax';

const ROOT_MANIFEST = join(REPO_ROOT, 'Package.swift');
const swiftFiles = listFiles(join(GENERATED_DIR, 'swift')).filter((file) => file.endsWith('.swift'));
const readJson = (file: string): JsonSchema =>
  JSON.parse(readFileSync(join(GENERATED_DIR, file), 'utf8')) as JsonSchema;

beforeAll(loadSwiftParser);

interface Stated {
  where: string;
  value: unknown;
}

/** Every JSON example of the contract, walked here independently of the test emitter. */
function statedExamples(): Stated[] {
  const stated: Stated[] = [];
  for (const [name, schema] of loadSchemas(specPaths().schemas))
    for (const value of Array.isArray(schema.examples) ? schema.examples : []) stated.push({ where: name, value });
  const asyncapi = readJson('asyncapi.json');
  for (const channel of Object.values(asyncapi.channels as JsonSchema).filter(isSchema))
    for (const [name, message] of Object.entries(channel.messages as JsonSchema))
      for (const example of (isSchema(message) && Array.isArray(message.examples)
        ? message.examples
        : []) as JsonSchema[])
        stated.push({ where: `message ${name}`, value: example.payload });
  for (const op of listOperations(readJson('openapi.json')))
    for (const media of [...op.requestBody, ...op.responses.flatMap((response) => response.content)])
      if (media.schema) for (const value of media.examples) stated.push({ where: op.operationId, value });
  return stated;
}

/** The JSON texts the generated tests decode (`let json = "…"`; Swift escapes them as JSON does). */
function decodedJson(testSource: string): Set<string> {
  return new Set([...testSource.matchAll(/^ +let json = (".*")$/gm)].map((match) => JSON.parse(match[1]!) as string));
}

function examplesWithoutTest(testSource: string, stated: readonly Stated[]): string[] {
  const decoded = decodedJson(testSource);
  return stated.filter((example) => !decoded.has(canonicalJson(example.value))).map((example) => example.where);
}

const exampleTests = readFileSync(join(GENERATED_DIR, SWIFT_PACKAGE.tests, 'ExampleDecodingTests.swift'), 'utf8');

describe('the Swift package', () => {
  it('has a root Package.swift that is the manifest the generator layout describes', () => {
    expect(readFileSync(ROOT_MANIFEST, 'utf8')).toBe(rootPackageManifest());
    expect(swiftSyntaxErrors(rootPackageManifest())).toEqual([]);
  });

  it('points its targets at generated folders that hold Swift files', () => {
    for (const folder of [SWIFT_PACKAGE.sources, SWIFT_PACKAGE.tests]) {
      expect(existsSync(join(GENERATED_DIR, folder)), folder).toBe(true);
      expect(swiftFiles.filter((file) => file.startsWith(join(GENERATED_DIR, folder))).length, folder).toBeGreaterThan(
        1,
      );
    }
  });

  it.each(swiftFiles.map((file) => [file.slice(GENERATED_DIR.length + 1), file]))(
    '%s parses as Swift without errors',
    (_name, file) => {
      expect(swiftSyntaxErrors(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('has a decoding test for every example the contract states', () => {
    const stated = statedExamples();
    expect(stated.length).toBeGreaterThan(100);
    expect(examplesWithoutTest(exampleTests, stated)).toEqual([]);
  });

  it('reports an example that was added without a decoding test', () => {
    const added = { where: 'schema JobState (new example)', value: { jobId: 'a-job-added-later', lastSeq: 3 } };
    expect(examplesWithoutTest(exampleTests, [...statedExamples(), added])).toEqual([added.where]);
  });

  it('has a test for every string enum and for an unknown enum value inside a server frame', () => {
    const rules = readFileSync(join(GENERATED_DIR, SWIFT_PACKAGE.tests, 'DecodingRulesTests.swift'), 'utf8');
    for (const type of ['ErrorCode', 'PipelineType', 'JobStatus', 'DataProvider', 'EditionFormat', 'AuthorGender'])
      expect(rules, type).toContain(`func test_${type}_readsUnknownValuesAndWritesThemBack()`);
    expect(rules).toContain('func test_EnrichedBook_Status_readsUnknownValuesAndWritesThemBack()');
    expect(rules).toContain('func test_jobProgress_withAnUnknown_pipeline_stillDecodes()');
  });
});
