import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecFile, locate } from './spec-files';

function specOf(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'spec-files-')), 'doc.yaml');
  writeFileSync(file, text);
  return loadSpecFile(file);
}

describe('spec files', () => {
  it('locates a map entry at its key, with numeric-looking keys matched as strings', () => {
    const spec = specOf('paths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n');
    expect(locate(spec, ['paths', '/a', 'get', 'responses', '200'])).toEqual({ line: 5, column: 9 });
  });

  it('falls back to the deepest existing node for a path that goes further than the file', () => {
    const spec = specOf('examples:\n  - title: Dune\n');
    expect(locate(spec, ['examples', 0, 'title', 'missing'])).toEqual({ line: 2, column: 5 });
  });
});
