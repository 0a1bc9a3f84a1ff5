// Builds the publishable packages under packages/: @bookstrack/contract from generated/*.ts (plus the
// bundled specs) and @bookstrack/client from client/src, each to ESM JavaScript and .d.ts in its dist/.
// The workspace sources stay as they are; a staged copy (packages/.build) gets Node-ready specifiers.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listFiles } from '../core/list-files';
import { GENERATED_DIR, REPO_ROOT } from '../core/paths';
import { barrelSource, type BarrelModule } from './barrel';
import { compile } from './compile';
import { manifestProblems, undeclaredImports, type Manifest } from './manifests';
import { importedPackages, renameMentions, rewriteSpecifiers, tsSourceResolver, type Renames } from './specifiers';

export const PACKAGES_DIR = join(REPO_ROOT, 'packages');
export const CONTRACT_PACKAGE_DIR = join(PACKAGES_DIR, 'contract');
export const CLIENT_PACKAGE_DIR = join(PACKAGES_DIR, 'client');
const STAGE_DIR = join(PACKAGES_DIR, '.build');
const CLIENT_SOURCE_DIR = join(REPO_ROOT, 'client', 'src');

/** The workspace-only package every published import of it is renamed from. */
const RENAMES: Renames = { '@bookstrack/generated': '@bookstrack/contract' };
/** Generated modules in the root entry, in priority order for a name two of them export. */
const BARREL_MODULES = ['schemas', 'operations', 'constants'];
const BUNDLED_SPECS = ['openapi.json', 'asyncapi.json'];
const BARREL_HEADER =
  '// Root entry of @bookstrack/contract, written by scripts/packages/build.ts: types, strict validators,\n' +
  '// operations and constants. Subpaths: ./schemas, ./operations, ./constants, ./openapi-types, ./readers\n' +
  '// (tolerant readers, when generated), ./openapi.json, ./asyncapi.json.';

export interface BuiltPackage {
  name: string;
  version: string;
  dir: string;
  /** Files written to dist/, relative to the package folder. */
  files: string[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The folder of `name` as Node would find it from `fromDir` (hoisted or not). */
function installedPackageDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked from ${fromDir})`);
  }
}

/** The contract version both bundles carry (`info.version`); they must agree. */
export function contractVersion(): string {
  const versions = BUNDLED_SPECS.map(
    (file) => readJson<{ info: { version: string } }>(join(GENERATED_DIR, file)).info.version,
  );
  if (new Set(versions).size !== 1) throw new Error(`the bundles disagree on info.version: ${versions.join(', ')}`);
  return versions[0] as string;
}

/** Each manifest rule the two packages break; the build refuses to run while there is one. */
export function packageProblems(): string[] {
  const contract = readJson<Manifest>(join(CONTRACT_PACKAGE_DIR, 'package.json'));
  const client = readJson<Manifest>(join(CLIENT_PACKAGE_DIR, 'package.json'));
  const version = contractVersion();
  const testedFrom = (fromDir: string, names: readonly string[]) =>
    Object.fromEntries(
      names.map((name) => [name, readJson<Manifest>(join(installedPackageDir(name, fromDir), 'package.json')).version]),
    );
  const clientWorkspace = join(REPO_ROOT, 'client');
  return [
    ...manifestProblems(contract, { version, tested: testedFrom(GENERATED_DIR, ['zod']) }),
    ...manifestProblems(client, {
      version: readJson<Manifest>(join(clientWorkspace, 'package.json')).version,
      tested: { '@bookstrack/contract': version, ...testedFrom(clientWorkspace, ['openapi-fetch', 'zod']) },
    }),
  ];
}

/** Copies `files` (under `sourceDir`) into `stageDir` with specifiers rewritten for Node and publishing. */
function stageSources(files: readonly string[], sourceDir: string, stageDir: string): BarrelModule[] {
  const staged: BarrelModule[] = [];
  for (const file of files) {
    const rewritten = rewriteSpecifiers(readFileSync(file, 'utf8'), tsSourceResolver(dirname(file)), RENAMES);
    const source = renameMentions(rewritten, RENAMES);
    const target = join(stageDir, relative(sourceDir, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source);
    staged.push({ name: relative(sourceDir, file).replace(/\.ts$/, ''), source });
  }
  return staged;
}

/** Links `name` into the stage's node_modules, so the staged sources resolve it as an installed package. */
function linkIntoStage(name: string, target: string): void {
  const link = join(STAGE_DIR, 'node_modules', name);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(target, link, 'dir');
}

/** Refuses a dist/ that imports a package its manifest does not declare, or names the workspace-only one. */
function checkDist(manifest: Manifest, distDir: string): string[] {
  const files = listFiles(distDir, (name) => /\.(js|d\.ts)$/.test(name));
  const imported = [...new Set(files.flatMap((file) => importedPackages(readFileSync(file, 'utf8'))))].sort();
  const undeclared = undeclaredImports(manifest, imported);
  if (undeclared.length > 0) throw new Error(`${manifest.name}: dist/ imports undeclared ${undeclared.join(', ')}`);
  const leaked = files.filter((file) => readFileSync(file, 'utf8').includes(Object.keys(RENAMES)[0] as string));
  if (leaked.length > 0)
    throw new Error(`${manifest.name}: dist/ still names the workspace package: ${leaked.join(', ')}`);
  return listFiles(distDir).map((file) => relative(join(distDir, '..'), file).split('\\').join('/'));
}

function buildContract(): BuiltPackage {
  const manifest = readJson<Manifest>(join(CONTRACT_PACKAGE_DIR, 'package.json'));
  const stage = join(STAGE_DIR, 'contract');
  const dist = join(CONTRACT_PACKAGE_DIR, 'dist');
  // Top-level modules only (swift/, docs/ and node_modules/ are not this package's TypeScript).
  const sources = readdirSync(GENERATED_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(GENERATED_DIR, entry.name))
    .sort();
  const modules = stageSources(sources, GENERATED_DIR, stage);
  const inBarrel = BARREL_MODULES.flatMap((name) => modules.filter((module) => module.name === name));
  writeFileSync(join(stage, 'index.ts'), barrelSource(inBarrel, BARREL_HEADER));
  linkIntoStage('zod', installedPackageDir('zod', GENERATED_DIR));
  compile({ rootDir: stage, outDir: dist, lib: ['ES2023'] });
  for (const file of BUNDLED_SPECS) copyFileSync(join(GENERATED_DIR, file), join(dist, file));
  return {
    name: manifest.name,
    version: manifest.version,
    dir: CONTRACT_PACKAGE_DIR,
    files: checkDist(manifest, dist),
  };
}

function buildClient(): BuiltPackage {
  const manifest = readJson<Manifest>(join(CLIENT_PACKAGE_DIR, 'package.json'));
  const stage = join(STAGE_DIR, 'client');
  const dist = join(CLIENT_PACKAGE_DIR, 'dist');
  stageSources(
    listFiles(CLIENT_SOURCE_DIR, (name) => name.endsWith('.ts')),
    CLIENT_SOURCE_DIR,
    stage,
  );
  // The client compiles against the built contract package, through its manifest's exports.
  linkIntoStage('@bookstrack/contract', CONTRACT_PACKAGE_DIR);
  linkIntoStage('openapi-fetch', installedPackageDir('openapi-fetch', join(REPO_ROOT, 'client')));
  compile({ rootDir: stage, outDir: dist, lib: ['ES2023', 'DOM', 'DOM.Iterable'] });
  return { name: manifest.name, version: manifest.version, dir: CLIENT_PACKAGE_DIR, files: checkDist(manifest, dist) };
}

/** Cleans and rebuilds both packages' dist/; the same inputs give the same bytes. */
export function buildPackages(): BuiltPackage[] {
  const problems = packageProblems();
  if (problems.length > 0) throw new Error(`packages/*/package.json:\n- ${problems.join('\n- ')}`);
  for (const dir of [STAGE_DIR, join(CONTRACT_PACKAGE_DIR, 'dist'), join(CLIENT_PACKAGE_DIR, 'dist')]) {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(STAGE_DIR, { recursive: true });
  // NodeNext reads the module format from the nearest package.json: the staged sources are ESM.
  writeFileSync(join(STAGE_DIR, 'package.json'), '{ "private": true, "type": "module" }\n');
  const built = [buildContract(), buildClient()];
  rmSync(STAGE_DIR, { recursive: true, force: true });
  return built;
}
