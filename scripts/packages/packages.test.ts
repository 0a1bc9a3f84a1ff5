import { describe, expect, it } from 'vitest';
import { contractVersion, packageProblems } from './build';

describe('packages/*/package.json', () => {
  it('carry the contract version and ranges that admit what the workspace tests with', () => {
    expect(contractVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageProblems()).toEqual([]);
  });
});
