// Recursive file listing in a stable, locale-independent order (generator inputs, lint's spec trees).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Absolute paths of all files under `dir` whose name passes `keep`, sorted by path. */
export function listFiles(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full, keep));
    else if (entry.isFile() && keep(entry.name)) found.push(full);
  }
  return found.sort((a, b) => compareStrings(relative(dir, a), relative(dir, b)));
}

/** Code-unit comparison, independent of the process locale (localeCompare is not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
