// The inputs-sha256 printed in every generated header: spec files, the generator's own code and the
// Swift guide it renders, so a change to any of them shows up as a changed header in the diff.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareStrings, listFiles } from './list-files';
import { REPO_ROOT, SCRIPTS_DIR, SPEC_DIR, SWIFT_GUIDE } from './paths';

const isGeneratorSource = (name: string): boolean => name.endsWith('.ts') && !name.endsWith('.test.ts');

/** Repo-relative paths (forward slashes) of every file that determines the generated output. */
export function listInputFiles(specDir: string = SPEC_DIR): { name: string; path: string }[] {
  const spec = listFiles(specDir, (name) => /\.(ya?ml|json)$/.test(name))
    .map((path) => ({ name: `spec/${slash(relative(specDir, path))}`, path }));
  const generator = [join(SCRIPTS_DIR, 'generate.ts'), ...listFiles(join(SCRIPTS_DIR, 'lib'), isGeneratorSource)]
    .map((path) => ({ name: slash(relative(REPO_ROOT, path)), path }));
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
