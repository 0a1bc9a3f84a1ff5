import { describe, expect, it } from 'vitest';
import { manifestProblems, rangeAdmits, undeclaredImports, type Manifest } from './manifests';

const client: Manifest = {
  name: '@bookstrack/client',
  version: '1.0.0',
  dependencies: { '@bookstrack/contract': '^2.0.0', 'openapi-fetch': '^0.17.0' },
  peerDependencies: { zod: '^4.6.7' },
};

describe('rangeAdmits', () => {
  it('admits a caret range inside its major (inside its minor on a zero major) from its floor up', () => {
    expect(rangeAdmits('^2.0.0', '2.0.0')).toBe(true);
    expect(rangeAdmits('^2.0.0', '2.3.1')).toBe(true);
    expect(rangeAdmits('^2.1.0', '2.0.9')).toBe(false);
    expect(rangeAdmits('^2.0.0', '3.0.0')).toBe(false);
    expect(rangeAdmits('^0.17.0', '0.17.4')).toBe(true);
    expect(rangeAdmits('^0.17.0', '0.18.0')).toBe(false);
  });

  it('admits only the same version for an exact range, and nothing for a form it does not know', () => {
    expect(rangeAdmits('4.6.7', '4.6.7')).toBe(true);
    expect(rangeAdmits('4.6.7', '4.6.8')).toBe(false);
    expect(rangeAdmits('>=4', '4.6.7')).toBe(false);
  });
});

describe('manifestProblems', () => {
  it('finds nothing when the version matches and every range admits the tested version', () => {
    const tested = { '@bookstrack/contract': '2.0.0', 'openapi-fetch': '0.17.0', zod: '4.6.7' };
    expect(manifestProblems(client, { version: '1.0.0', tested })).toEqual([]);
  });

  it('names a wrong version, a range that misses the tested version and a missing dependency', () => {
    const tested = { '@bookstrack/contract': '3.0.0', zod: '4.6.7', 'openapi-typescript-helpers': '0.1.0' };
    expect(manifestProblems(client, { version: '1.1.0', tested })).toEqual([
      '@bookstrack/client: version is 1.0.0, expected 1.1.0',
      '@bookstrack/client: @bookstrack/contract ^2.0.0 does not admit 3.0.0, the version it is tested with',
      '@bookstrack/client: does not declare openapi-typescript-helpers (tested with 0.1.0)',
    ]);
  });
});

describe('undeclaredImports', () => {
  it('lists imported packages the manifest declares neither as dependency nor as peer', () => {
    expect(undeclaredImports(client, ['@bookstrack/contract', '@bookstrack/generated', 'zod', 'ws'])).toEqual([
      '@bookstrack/generated',
      'ws',
    ]);
  });
});
