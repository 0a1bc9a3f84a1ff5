// Test helpers: the fixture contract (release/fixtures/contract) and its variants (additive: an
// optional response field and a new enum value; breaking: a removed field; enum-renamed: an enum
// value renamed; docs: reworded prose), each with an example of its Book,
// written as spec/ trees or as release bundles into throwaway folders and git repositories.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadDereferenced } from '../breaking/load-spec';
import { ASYNCAPI_ENTRY, OPENAPI_ENTRY } from '../core/paths';
import { loadYaml } from '../core/yaml';
import { emitReaders } from '../lib/emit-readers';
import type { JsonSchema } from '../lib/json-schema';
import { loadSchemas } from '../lib/schema-files';
import { toJsonText } from '../lib/sort-keys';
import { swiftDecodingRules } from '../lib/swift-decoding-rules';
import { RELEASE_INDEX, type Release } from './releases';

export type Variant = 'contract' | 'additive' | 'breaking' | 'enum-renamed' | 'docs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Writes the fixture contract with `variant`'s files over it as `<dir>/` (a spec/ tree) at `version`. */
export function writeSpecTree(dir: string, variant: Variant, version: string): string {
  cpSync(join(FIXTURES, 'contract'), dir, { recursive: true });
  if (variant !== 'contract') cpSync(join(FIXTURES, variant), dir, { recursive: true });
  for (const root of [OPENAPI_ENTRY, ASYNCAPI_ENTRY]) {
    const document = parseDocument(readFileSync(join(dir, root), 'utf8'));
    document.setIn(['info', 'version'], version);
    writeFileSync(join(dir, root), document.toString());
  }
  return dir;
}

/**
 * The two bundles of `variant` at `version`, as `npm run generate` would put them in generated/; with
 * `clients`, also the client artefacts a release keeps (readers.ts, swift/decoding-rules.json).
 */
export function writeBundles(dir: string, variant: Variant, version: string, clients = false): void {
  const tree = writeSpecTree(mkdtempSync(join(tmpdir(), 'fixture-tree-')), variant, version);
  mkdirSync(join(dir, 'swift'), { recursive: true });
  if (clients) {
    const schemas = loadSchemas(join(tree, 'schemas'));
    const openapi = loadYaml(join(tree, OPENAPI_ENTRY)) as JsonSchema;
    const header = { emitter: 'lib/emit-readers.ts', inputsHash: 'fixture' };
    writeFileSync(join(dir, 'readers.ts'), emitReaders(openapi, schemas, header));
    writeFileSync(join(dir, 'swift/decoding-rules.json'), toJsonText(swiftDecodingRules(schemas, openapi, [])));
  }
  for (const [root, file] of [
    [OPENAPI_ENTRY, 'openapi.json'],
    [ASYNCAPI_ENTRY, 'asyncapi.json'],
  ] as const)
    writeFileSync(join(dir, file), `${JSON.stringify(loadDereferenced(join(tree, root), tree).document, null, 2)}\n`);
}

export function git(repo: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@bookstrack.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

export interface FixtureRepo {
  /** spec/ of the working tree. */
  spec: { variant: Variant; version: string };
  /** Releases committed in releases/, oldest first. */
  releases?: { variant: Variant; version: string }[];
}

/** A git repository (one commit) with the fixture as spec/ and generated/, and the given releases. */
export function fixtureRepo(setup: FixtureRepo): string {
  const repo = mkdtempSync(join(tmpdir(), 'release-test-'));
  git(repo, 'init', '-q');
  writeSpecTree(join(repo, 'spec'), setup.spec.variant, setup.spec.version);
  writeBundles(join(repo, 'generated'), setup.spec.variant, setup.spec.version, true);
  const releases: Release[] = [];
  for (const { variant, version } of setup.releases ?? []) {
    writeBundles(join(repo, 'releases', version), variant, version);
    releases.push({ version, tag: `contract-v${version}`, date: '2026-01-01' });
  }
  if (releases.length > 0)
    writeFileSync(join(repo, 'releases', RELEASE_INDEX), `${JSON.stringify({ releases }, null, 2)}\n`);
  writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'fixture');
  return repo;
}
