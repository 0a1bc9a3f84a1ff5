// `npm run check:generated [-- --generated <dir>] [--spec <dir>]`: regenerates into a temporary folder
// with the real generator CLI and fails, listing each stale, missing or extra file, when generated/
// differs (someone edited spec/ without `npm run generate`, or edited generated/ by hand).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GENERATED_DIR, REPO_ROOT, SCRIPTS_DIR } from './core/paths';

/** Hand-written workspace files of generated/ that the generator does not produce. */
const NOT_GENERATED = new Set(['package.json', 'tsconfig.json', '.gitattributes']);
const SKIPPED_DIRS = new Set(['node_modules', '.turbo']);

export interface TreeDifference {
  kind: 'stale' | 'missing' | 'extra';
  path: string;
  detail: string;
}

/** Relative paths (with `/`) of the files under `dir`, skipping tool folders and hand-written files. */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(full);
      else if (entry.isFile()) files.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.filter((file) => !NOT_GENERATED.has(file)).sort();
}

function firstDifferentLine(expected: string, actual: string): number {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const index = want.findIndex((line, at) => line !== have[at]);
  return (index === -1 ? want.length : index) + 1;
}

/** Differences of `actualDir` (generated/) against `expectedDir` (a fresh generator run). */
export function compareTrees(expectedDir: string, actualDir: string): TreeDifference[] {
  const expected = listTree(expectedDir);
  const actual = new Set(listTree(actualDir));
  const differences: TreeDifference[] = [];
  for (const path of expected) {
    if (!actual.has(path)) {
      differences.push({ kind: 'missing', path, detail: 'the generator writes it; generated/ lacks it' });
      continue;
    }
    const want = readFileSync(join(expectedDir, path), 'utf8');
    const have = readFileSync(join(actualDir, path), 'utf8');
    if (want !== have)
      differences.push({
        kind: 'stale',
        path,
        detail: `differs from a fresh run from line ${firstDifferentLine(want, have)}`,
      });
  }
  const produced = new Set(expected);
  for (const path of actual) {
    if (!produced.has(path)) differences.push({ kind: 'extra', path, detail: 'not written by the generator' });
  }
  return differences;
}

export interface CheckOptions {
  generatedDir: string;
  specDir?: string;
}

/** Runs `tsx generate.ts --out <tmp>` and compares; the temporary folder is always removed. */
export function checkGenerated(options: CheckOptions): TreeDifference[] {
  const outDir = mkdtempSync(join(tmpdir(), 'bookstrack-check-generated-'));
  try {
    const args = [
      'tsx',
      join(SCRIPTS_DIR, 'generate.ts'),
      '--out',
      outDir,
      ...(options.specDir ? ['--spec', options.specDir] : []),
    ];
    const run = spawnSync('npx', args, { cwd: SCRIPTS_DIR, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (run.status !== 0) throw new Error(`the generator failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
    return compareTrees(outDir, options.generatedDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function option(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : resolve(process.cwd(), args[at + 1] ?? '');
}

function main(args: readonly string[]): number {
  const generatedDir = option(args, '--generated') ?? GENERATED_DIR;
  const started = performance.now();
  const differences = checkGenerated({ generatedDir, specDir: option(args, '--spec') });
  const where = relative(REPO_ROOT, generatedDir) || '.';
  for (const difference of differences)
    console.log(`${difference.kind.padEnd(7)} ${where}/${difference.path}: ${difference.detail}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (differences.length === 0) {
    console.log(`check:generated passed: ${where} matches a fresh generator run (${seconds} s)`);
    return 0;
  }
  console.log(
    `check:generated FAILED: ${differences.length} file(s) differ; run \`npm run generate\` and commit generated/ (${seconds} s)`,
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
