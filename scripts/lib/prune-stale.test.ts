// Stale outputs of an earlier run are removed; files the generator never wrote are kept.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitManifest } from './emit-manifest';
import { manifestPaths, pruneStale } from './prune-stale';

const dir = mkdtempSync(join(tmpdir(), 'bookstrack-prune-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pruneStale', () => {
  const old = [
    { path: 'schemas.ts', emitter: 'lib/emit-zod.ts', content: 'a' },
    { path: 'old-name.ts', emitter: 'lib/x.ts', content: 'b' },
  ];
  const manifest = emitManifest(old, { emitter: 'lib/emit-manifest.ts', inputsHash: 'h' });

  it('reads the file list back from a manifest', () => {
    expect(manifestPaths(manifest)).toEqual(['schemas.ts', 'old-name.ts']);
  });

  it('deletes outputs that are no longer generated and keeps hand-written files', () => {
    for (const file of ['schemas.ts', 'old-name.ts', 'package.json']) writeFileSync(join(dir, file), 'x');
    writeFileSync(join(dir, 'MANIFEST.md'), manifest);
    expect(pruneStale(dir, ['schemas.ts', 'constants.ts'])).toEqual(['old-name.ts']);
    expect(['schemas.ts', 'old-name.ts', 'package.json'].map((file) => existsSync(join(dir, file)))).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('does nothing in a folder without a manifest', () => {
    expect(pruneStale(join(dir, 'missing'), [])).toEqual([]);
  });
});
