// Locations the lint reads: the repo, both spec roots, the spec tree and the rulesets.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SPEC_DIR = join(REPO_ROOT, 'spec');
export const OPENAPI_ROOT = join(SPEC_DIR, 'openapi', 'openapi.yaml');
export const ASYNCAPI_ROOT = join(SPEC_DIR, 'asyncapi', 'asyncapi.yaml');
export const SPECTRAL_RULESET = join(REPO_ROOT, '.spectral.yaml');
export const REDOCLY_CONFIG = join(REPO_ROOT, 'redocly.yaml');
export const DEPCRUISE_CONFIG = join(REPO_ROOT, '.dependency-cruiser.cjs');
export const FIXTURES_DIR = join(REPO_ROOT, 'scripts', 'lint', 'fixtures');
