import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importClosure, listInputFiles } from './inputs-hash';

const dir = mkdtempSync(join(tmpdir(), 'inputs-hash-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTree(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('generator inputs', () => {
  it('follows relative imports, type-only and re-exports included, and skips packages and unimported files', () => {
    writeTree({
      'entry.ts': "import { b } from './b';\nimport type { C } from './sub/c';\nimport ts from 'typescript';\n",
      'b.ts': "export * from './sub';\nexport const b = 1;\n",
      'sub/index.ts': 'export const d = 2;\n',
      'sub/c.ts': 'export type C = string;\n',
      'unused.ts': 'export const u = 3;\n',
    });
    const names = importClosure(join(dir, 'entry.ts')).map((file) => file.slice(dir.length + 1));
    expect(names).toEqual(['b.ts', 'entry.ts', 'sub/c.ts', 'sub/index.ts']);
  });

  it('names an import it cannot resolve', () => {
    writeTree({ 'broken.ts': "import { x } from './missing';\n" });
    expect(() => importClosure(join(dir, 'broken.ts'))).toThrow('cannot resolve import ./missing');
  });

  it('hashes the generator and its shared modules but no lint module, test or declaration file', () => {
    const names = listInputFiles().map((file) => file.name).filter((name) => name.startsWith('scripts/'));
    expect(names).toEqual(expect.arrayContaining(['scripts/generate.ts', 'scripts/lib/pipeline.ts', 'scripts/lib/emit-zod.ts']));
    expect(names.filter((name) => name.startsWith('scripts/lint/') || name.endsWith('.test.ts') || name.endsWith('.d.ts'))).toEqual([]);
  });
});
