import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempTree } from '../core/temp-tree';
import { checkFormatting, unformattedFiles } from './format';

const PRETTIER_CONFIG = `${JSON.stringify({ printWidth: 120, singleQuote: true, trailingComma: 'all' }, null, 2)}\n`;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const dir = tempTree('bookstrack-format-', { '.prettierrc.json': PRETTIER_CONFIG, ...files });
  dirs.push(dir);
  return dir;
}

describe('format step', () => {
  it('reports each file Prettier would rewrite, and no other', async () => {
    const dir = tree({
      'good.ts': "export const a = 'x';\n",
      'bad.ts': 'export const a = "x"\n',
      '.prettierignore': 'ignored.ts\n',
      'ignored.ts': 'const   b=1',
    });
    const findings = await checkFormatting(dir);
    expect(findings.map((f) => [f.rule, f.file])).toEqual([['format', join(dir, 'bad.ts')]]);
  }, 30_000);

  it('reports nothing on a formatted tree', async () => {
    expect(await checkFormatting(tree({ 'good.ts': "export const a = 'x';\n" }))).toEqual([]);
  }, 30_000);

  it('reads one file per output line', () => {
    expect(unformattedFiles('a.ts\n\nb/c.ts\n')).toEqual(['a.ts', 'b/c.ts']);
  });
});
