// Repository locations the generator reads from; one place so tests and the CLI agree.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = join(SCRIPTS_DIR, '..');
export const SPEC_DIR = join(REPO_ROOT, 'spec');
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'generated');
/** The hand-written Swift guide rendered into docs/swift.html; not part of spec/. */
export const SWIFT_GUIDE = join(REPO_ROOT, 'client', 'SWIFT.md');

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
    openapi: join(root, 'openapi', 'openapi.yaml'),
    asyncapi: join(root, 'asyncapi', 'asyncapi.yaml'),
  };
}
