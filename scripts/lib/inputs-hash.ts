// The inputs-sha256 printed in every generated header: spec files plus the generator's own code,
// so a change to either shows up as a changed header in the diff.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from './list-files';
import { REPO_ROOT, SCRIPTS_DIR, SPEC_DIR } from './paths';

const isGeneratorSource = (name: string): boolean => name.endsWith('.ts') && !name.endsWith('.test.ts');

/** Repo-relative paths (forward slashes) of every file that determines the generated output. */
export function listInputFiles(): string[] {
  const spec = listFiles(SPEC_DIR, (name) => /\.(ya?ml|md)$/.test(name));
  const generator = [join(SCRIPTS_DIR, 'generate.ts'), ...listFiles(join(SCRIPTS_DIR, 'lib'), isGeneratorSource)];
  return [...spec, ...generator].map((file) => relative(REPO_ROOT, file).split('\\').join('/')).sort();
}

/** sha256 over `path NUL content NUL` of each input, in path order. */
export function hashInputs(files: readonly string[] = listInputFiles()): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(join(REPO_ROOT, file))).update('\0');
  }
  return hash.digest('hex');
}
