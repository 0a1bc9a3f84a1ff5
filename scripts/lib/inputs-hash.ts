// The inputs-sha256 printed in every generated header: spec files, the generator's own code and the
// Swift guide it renders, so a change to any of them shows up as a changed header in the diff.
// The generator's code is what generate.ts reaches through relative imports, wherever it lives
// (lib/, core/): a module only lint or tests use does not mark generated/ stale.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { compareStrings, listFiles } from '../core/list-files';
import { REPO_ROOT, SCRIPTS_DIR, SPEC_DIR, SWIFT_GUIDE } from '../core/paths';

const GENERATOR_ENTRY = join(SCRIPTS_DIR, 'generate.ts');

/** `./x` from `dir` as the TypeScript file it names (`./x.ts` or `./x/index.ts`). */
function resolveModule(dir: string, specifier: string): string {
  const base = resolve(dir, specifier);
  const file = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`${relative(REPO_ROOT, dir)}: cannot resolve import ${specifier}`);
  return file;
}

/** `entry` and every module it reaches through relative imports (type-only ones too), sorted. */
export function importClosure(entry: string): string[] {
  const found = new Set<string>();
  const visit = (file: string): void => {
    if (found.has(file)) return;
    found.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) visit(resolveModule(dirname(file), fileName));
    }
  };
  visit(entry);
  return [...found].sort(compareStrings);
}

/** Repo-relative paths (forward slashes) of every file that determines the generated output. */
export function listInputFiles(specDir: string = SPEC_DIR): { name: string; path: string }[] {
  const spec = listFiles(specDir, (name) => /\.(ya?ml|json)$/.test(name)).map((path) => ({
    name: `spec/${slash(relative(specDir, path))}`,
    path,
  }));
  const generator = importClosure(GENERATOR_ENTRY).map((path) => ({ name: slash(relative(REPO_ROOT, path)), path }));
  const guide = { name: slash(relative(REPO_ROOT, SWIFT_GUIDE)), path: SWIFT_GUIDE };
  return [...spec, ...generator, guide].sort((a, b) => compareStrings(a.name, b.name));
}

const slash = (path: string): string => path.split('\\').join('/');

/** sha256 over `name NUL content NUL` of each input, in name order (names are repo-relative). */
export function hashInputs(files: readonly { name: string; path: string }[] = listInputFiles()): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update('\0').update(readFileSync(file.path)).update('\0');
  return hash.digest('hex');
}
