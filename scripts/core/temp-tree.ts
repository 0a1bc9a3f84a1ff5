// Test support: fixture files written by the test that reads them, in a folder of their own.
// Only tests import it, so it is no generator input (see lib/inputs-hash.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `text` to `path` under `dir`, creating folders; returns the file's absolute path. */
export function writeTreeFile(dir: string, path: string, text: string): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Writes each `path: text` of `files` under `dir`; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) writeTreeFile(dir, path, text);
  return dir;
}

/** A new temporary folder holding `files`; the caller removes it. */
export function tempTree(prefix: string, files: Record<string, string> = {}): string {
  return writeTree(mkdtempSync(join(tmpdir(), prefix)), files);
}
