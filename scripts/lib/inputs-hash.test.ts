import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempTree, writeTree } from '../core/temp-tree';
import { importClosure, listInputFiles } from './inputs-hash';

const dir = tempTree('inputs-hash-test-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generator inputs', () => {
  it('follows relative imports, type-only and re-exports included, and skips packages and unimported files', () => {
    writeTree(dir, {
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
    writeTree(dir, { 'broken.ts': "import { x } from './missing';\n" });
    expect(() => importClosure(join(dir, 'broken.ts'))).toThrow('cannot resolve import ./missing');
  });

  it('hashes the generator and its shared modules but no lint module, test, test helper or declaration file', () => {
    const names = listInputFiles()
      .map((file) => file.name)
      .filter((name) => name.startsWith('scripts/'));
    expect(names).toEqual(
      expect.arrayContaining(['scripts/generate.ts', 'scripts/lib/pipeline.ts', 'scripts/lib/emit-zod.ts']),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'scripts/core/paths.ts',
        'scripts/core/run-tool.ts',
        'scripts/core/yaml.ts',
        'scripts/core/json-pointer.ts',
      ]),
    );
    expect(
      names.filter(
        (name) =>
          name.startsWith('scripts/lint/') || /\.(test|d)\.ts$/.test(name) || name === 'scripts/core/temp-tree.ts',
      ),
    ).toEqual([]);
  });
});
