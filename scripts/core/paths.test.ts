import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_DIR,
  LINT_FIXTURES_DIR,
  REDOCLY_CONFIG,
  REPO_ROOT,
  specPaths,
  SPECTRAL_RULESET,
  SWIFT_GUIDE,
} from './paths';

describe('repository paths', () => {
  it('finds the repository root by its workspace manifest', () => {
    expect(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).name).toBe('bookstrack-contract');
  });

  it('points at the spec roots, generated/, the Swift guide, the lint configs and fixtures as they exist', () => {
    const spec = specPaths();
    const locations = [
      spec.schemas,
      spec.openapi,
      spec.asyncapi,
      GENERATED_DIR,
      SWIFT_GUIDE,
      SPECTRAL_RULESET,
      REDOCLY_CONFIG,
      LINT_FIXTURES_DIR,
    ];
    expect(locations.filter((path) => !existsSync(path))).toEqual([]);
  });

  it('places the root documents under any spec folder', () => {
    expect(specPaths('/base/spec')).toEqual({
      root: '/base/spec',
      schemas: join('/base/spec', 'schemas'),
      openapi: join('/base/spec', 'openapi', 'openapi.yaml'),
      asyncapi: join('/base/spec', 'asyncapi', 'asyncapi.yaml'),
    });
  });
});
