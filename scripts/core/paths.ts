// Repository locations every script reads: the repo, spec/ and its two root documents, generated/,
// the Swift guide and the lint configs. One place, so the generator, lint, gates and tests agree.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = join(SCRIPTS_DIR, '..');
export const SPEC_DIR = join(REPO_ROOT, 'spec');
export const GENERATED_DIR = join(REPO_ROOT, 'generated');
/** The hand-written Swift guide rendered into docs/swift.html; not part of spec/. */
export const SWIFT_GUIDE = join(REPO_ROOT, 'client', 'SWIFT.md');
export const SPECTRAL_RULESET = join(REPO_ROOT, '.spectral.yaml');
export const REDOCLY_CONFIG = join(REPO_ROOT, 'redocly.yaml');
export const DEPCRUISE_CONFIG = join(REPO_ROOT, '.dependency-cruiser.cjs');
export const LINT_FIXTURES_DIR = join(SCRIPTS_DIR, 'lint', 'fixtures');

/** The root documents, relative to a spec folder (the repo's, a fixture tree, a git ref's copy). */
export const OPENAPI_ENTRY = 'openapi/openapi.yaml';
export const ASYNCAPI_ENTRY = 'asyncapi/asyncapi.yaml';

export interface SpecPaths {
  root: string;
  schemas: string;
  openapi: string;
  asyncapi: string;
}

export function specPaths(root: string = SPEC_DIR): SpecPaths {
  return {
    root,
    schemas: join(root, 'schemas'),
    openapi: join(root, OPENAPI_ENTRY),
    asyncapi: join(root, ASYNCAPI_ENTRY),
  };
}
