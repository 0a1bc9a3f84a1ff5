// Repository locations the generator reads from; one place so tests and the CLI agree.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = join(SCRIPTS_DIR, '..');
export const SPEC_DIR = join(REPO_ROOT, 'spec');
export const SCHEMAS_DIR = join(SPEC_DIR, 'schemas');
export const OPENAPI_ENTRY = join(SPEC_DIR, 'openapi', 'openapi.yaml');
export const ASYNCAPI_ENTRY = join(SPEC_DIR, 'asyncapi', 'asyncapi.yaml');
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'generated');
