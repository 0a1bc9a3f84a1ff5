// spec/openapi → one self-contained OpenAPI document via `redocly bundle`: external files become
// components (schemas keep their file names), paths are inlined; component maps are sorted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSchema, type JsonSchema } from './json-schema';
import { runTool } from '../core/run-tool';
import { sortComponents } from './sort-keys';

export async function bundleOpenApi(entry: string): Promise<JsonSchema> {
  const dir = mkdtempSync(join(tmpdir(), 'bookstrack-openapi-'));
  try {
    const out = join(dir, 'openapi.json');
    await runTool('@redocly/cli', ['bundle', entry, '--output', out]);
    const bundled: unknown = JSON.parse(readFileSync(out, 'utf8'));
    if (!isSchema(bundled)) throw new Error('redocly bundle produced no object');
    return sortComponents(bundled);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
