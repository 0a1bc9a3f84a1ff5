// Old apps against the new contract: the client artefacts of the last release (its web readers and
// its Swift decoding rules, releases/X.Y.Z/client/) decode every example the current contract says
// a client receives. Over the fixture contract released as 1.0.0: an added optional field and enum
// value pass (and the gate calls them additive); a removed field and a renamed enum value fail here
// and in check:breaking.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBreaking } from '../check-breaking';
import { ASYNCAPI_ENTRY, OPENAPI_ENTRY, REPO_ROOT, SCRIPTS_DIR, specPaths } from '../core/paths';
import { loadYaml } from '../core/yaml';
import type { JsonSchema } from '../lib/json-schema';
import { loadSchemas } from '../lib/schema-files';
import { swiftDecodingRules, type SwiftDecodingRules } from '../lib/swift-decoding-rules';
import { readExtensions } from '../lib/contract-extensions';
import { fixtureRepo, writeBundles, writeSpecTree, type Variant } from './fixture-contracts';
import {
  hasClientArtefacts,
  loadReleasedClient,
  oldClientReport,
  receivedExamples,
  type ReaderModule,
  type ReleasedClient,
} from './old-clients';
import { lastRelease } from './releases';

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

const readJson = (path: string): JsonSchema => JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;

describe('apps built on the last release, against the current contract', async () => {
  const release = lastRelease(REPO_ROOT)!;
  const schemas = loadSchemas(specPaths().schemas);
  const openapi = readJson(join(REPO_ROOT, 'generated/openapi.json'));
  const asyncapi = readJson(join(REPO_ROOT, 'generated/asyncapi.json'));
  const current = readJson(join(REPO_ROOT, 'generated/swift/decoding-rules.json')) as unknown as SwiftDecodingRules;
  const { clientMessageTypes } = readExtensions(openapi, asyncapi, schemas);
  const received = receivedExamples(schemas, openapi, asyncapi, clientMessageTypes);
  const client = await loadReleasedClient(REPO_ROOT, release.version);

  it('every release keeps its client artefacts', () => {
    expect(hasClientArtefacts(REPO_ROOT, release.version)).toBe(true);
    expect(client.swift.contractVersion).toBe(release.version);
  });

  it('decode every response, frame and received-schema example with the released readers and Swift rules', () => {
    const report = oldClientReport(client, received, current);
    expect(report.problems).toEqual([]);
    // Nothing silently skipped: every example is one the release decodes (no operation or frame
    // type was added since), with both clients; Swift apps do not decode the bundles.
    expect(report.notDecodedBySwift).toEqual([
      'getOpenApiDocument 200 example #0',
      'getAsyncApiDocument 200 example #0',
    ]);
    // Only what was added since the release goes undecoded: operations it lacks, schemas new since.
    const released = client.readers.RESPONSES ?? {};
    for (const source of report.newSinceRelease) {
      const item = received.find((candidate) => candidate.source === source)!;
      if ('response' in item.as) expect(released[item.as.response.operationId], source).toBeUndefined();
      else if ('schema' in item.as) expect(client.readers[item.as.schema], source).toBeUndefined();
      else {
        const union = client.swift.types[client.swift.serverMessages!];
        const tag = (item.value as { type?: string }).type ?? '';
        expect(union?.kind === 'union' && tag in union.members, source).toBe(false);
      }
    }
    const decodable = received.length - report.newSinceRelease.length;
    expect(decodable).toBeGreaterThan(200);
    expect(report.decoded).toEqual({ readers: decodable, swift: decodable - 2 });
    const kinds = new Set(received.map((item) => Object.keys(item.as)[0]));
    expect([...kinds].sort()).toEqual(['frame', 'response', 'schema']);
  });

  it('decoding a frame the release knows nothing of is allowed: an unknown event, not a failure', () => {
    const frame = { type: 'job_paused', seq: 9, timestamp: '2026-12-01T10:00:00.000Z', payload: {} };
    const report = oldClientReport(client, [{ source: 'new frame', value: frame, as: { frame: true } }], current);
    expect(report).toEqual({
      problems: [],
      decoded: { readers: 0, swift: 0 },
      notDecodedBySwift: [],
      newSinceRelease: ['new frame'],
    });
  });
});

/** The fixture contract at `variant`: its schemas, raw documents and Swift rules. */
function fixture(variant: Variant, version: string) {
  const tree = writeSpecTree(mkdtempSync(join(tmpdir(), 'old-clients-')), variant, version);
  cleanup.push(tree);
  const schemas = loadSchemas(join(tree, 'schemas'));
  const openapi = loadYaml(join(tree, OPENAPI_ENTRY)) as JsonSchema;
  const asyncapi = loadYaml(join(tree, ASYNCAPI_ENTRY)) as JsonSchema;
  return { schemas, openapi, asyncapi, rules: swiftDecodingRules(schemas, openapi, []) };
}

/** The fixture contract released as `version`: its generated readers (imported) and Swift rules. */
async function releasedFixture(version: string): Promise<ReleasedClient> {
  // Inside scripts/ so that the readers' `zod` import resolves.
  const dir = mkdtempSync(join(SCRIPTS_DIR, 'node_modules', '.old-clients-'));
  cleanup.push(dir);
  writeBundles(dir, 'contract', version, true);
  const readers = (await import(pathToFileURL(join(dir, 'readers.ts')).href)) as ReaderModule;
  const swift = readJson(join(dir, 'swift/decoding-rules.json')) as unknown as SwiftDecodingRules;
  return { version, readers, swift };
}

describe('the fixture contract released as 1.0.0, against its variants', async () => {
  const client = await releasedFixture('1.0.0');
  const reportFor = (variant: Variant) => {
    const { schemas, openapi, asyncapi, rules } = fixture(variant, '1.1.0');
    return oldClientReport(client, receivedExamples(schemas, openapi, asyncapi, []), rules);
  };
  const gate = (variant: Variant) =>
    checkBreaking(
      fixtureRepo({ spec: { variant, version: '1.1.0' }, releases: [{ variant: 'contract', version: '1.0.0' }] }),
      undefined,
    );

  it('the release decodes its own example with both clients', () => {
    expect(reportFor('contract')).toEqual({
      problems: [],
      decoded: { readers: 1, swift: 1 },
      notDecodedBySwift: [],
      newSinceRelease: [],
    });
  });

  it('an added optional field and a new enum value pass, and the gate calls them additive', () => {
    expect(reportFor('additive')).toEqual({
      problems: [],
      decoded: { readers: 1, swift: 1 },
      notDecodedBySwift: [],
      newSinceRelease: [],
    });
    const result = gate('additive');
    expect(result.exitCode).toBe(0);
    expect(result.lines.some((line) => line.startsWith('BREAKING'))).toBe(false);
    expect(result.lines.some((line) => /additive/i.test(line))).toBe(true);
  });

  it('a removed field fails both released clients, and check:breaking', () => {
    expect(reportFor('breaking').problems).toEqual([
      'schema Book example #0: the 1.0.0 web readers reject it: title: Invalid input: expected string, received undefined',
      'schema Book example #0: the 1.0.0 Swift models fail to decode it: title: keyNotFound',
    ]);
    expect(gate('breaking').exitCode).toBe(1);
  });

  it('a renamed enum value fails: the release reads it as unknown and lost the value it handles', () => {
    expect(reportFor('enum-renamed').problems).toEqual([
      'schema Book example #0: format: "Softcover" reads as unknown in 1.0.0\'s Book.Format, and the contract ' +
        'dropped "Paperback" that 1.0.0 handles: a renamed or replaced enum value',
    ]);
    const result = gate('enum-renamed');
    expect(result.exitCode).toBe(1);
    expect(result.lines.some((line) => line.includes('enum value "Paperback" removed'))).toBe(true);
  });
});
