// Deletes files an earlier run generated (listed in its MANIFEST.md) that this run no longer
// writes, so a renamed output does not linger. Never touches files it did not generate.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Paths listed in the file table of a MANIFEST.md written by emit-manifest. */
export function manifestPaths(manifest: string): string[] {
  return [...manifest.matchAll(/^\| `([^`]+)` \| `scripts\//gm)].map((match) => match[1]!);
}

export function pruneStale(outDir: string, current: readonly string[]): string[] {
  const manifestFile = join(outDir, 'MANIFEST.md');
  if (!existsSync(manifestFile)) return [];
  const stale = manifestPaths(readFileSync(manifestFile, 'utf8')).filter(
    (path) => !current.includes(path) && !path.includes('..'),
  );
  for (const path of stale) rmSync(join(outDir, path), { force: true });
  return stale;
}
