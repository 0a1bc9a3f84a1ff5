import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempTree } from '../core/temp-tree';
import { importedPackages, renameMentions, renamePackage, rewriteSpecifiers, tsSourceResolver } from './specifiers';

const RENAMES = { '@bookstrack/generated': '@bookstrack/contract' };
const tree = tempTree('bookstrack-specifiers-', { 'src/schemas.ts': '', 'src/jobs/index.ts': '', 'src/a.ts': '' });
const resolver = tsSourceResolver(`${tree}/src`);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('rewriteSpecifiers', () => {
  it('adds the emitted .js to relative imports, exports, dynamic and type imports', () => {
    const source = [
      "import { z } from 'zod';",
      "import { A } from './schemas';",
      "import type { B } from './a';",
      "export * from './schemas';",
      "export { C } from './jobs';",
      "const lazy = () => import('./a');",
      "type T = import('./schemas').X;",
    ].join('\n');
    expect(rewriteSpecifiers(source, resolver, RENAMES).split('\n')).toEqual([
      "import { z } from 'zod';",
      "import { A } from './schemas.js';",
      "import type { B } from './a.js';",
      "export * from './schemas.js';",
      "export { C } from './jobs/index.js';",
      "const lazy = () => import('./a.js');",
      "type T = import('./schemas.js').X;",
    ]);
  });

  it('renames the workspace package and its subpaths, and leaves other packages and comments alone', () => {
    const source =
      "// from '@bookstrack/generated/schemas'\nimport { X } from '@bookstrack/generated/constants';\n" +
      'export type * from "@bookstrack/generated";\nimport \'@bookstrack/generated-extra\';\n';
    expect(rewriteSpecifiers(source, resolver, RENAMES)).toBe(
      "// from '@bookstrack/generated/schemas'\nimport { X } from '@bookstrack/contract/constants';\n" +
        'export type * from "@bookstrack/contract";\nimport \'@bookstrack/generated-extra\';\n',
    );
  });

  it('keeps specifiers that already name a runtime file, and fails on one it cannot resolve', () => {
    expect(rewriteSpecifiers("import a from './a.js';\nimport b from './b.json';", resolver)).toBe(
      "import a from './a.js';\nimport b from './b.json';",
    );
    expect(() => rewriteSpecifiers("import { gone } from './gone';", resolver)).toThrow(/cannot resolve \.\/gone/);
  });
});

describe('renamePackage', () => {
  it('renames the package name and its subpaths only', () => {
    expect(renamePackage('@bookstrack/generated', RENAMES)).toBe('@bookstrack/contract');
    expect(renamePackage('@bookstrack/generated/readers', RENAMES)).toBe('@bookstrack/contract/readers');
    expect(renamePackage('@bookstrack/generatedx', RENAMES)).toBe('@bookstrack/generatedx');
  });
});

describe('renameMentions', () => {
  it('renames the package in doc comments, and not a longer name that starts with it', () => {
    const source =
      "// `import * as readers from '@bookstrack/generated/readers'`\n// @bookstrack/generated-extra, @bookstrack/generated.\n";
    expect(renameMentions(source, RENAMES)).toBe(
      "// `import * as readers from '@bookstrack/contract/readers'`\n// @bookstrack/generated-extra, @bookstrack/contract.\n",
    );
  });
});

describe('importedPackages', () => {
  it('lists the bare package names, without subpaths, relative files or node builtins', () => {
    const source =
      "import { z } from 'zod';\nimport type { X } from '@bookstrack/contract/schemas';\nimport c from 'openapi-fetch';\n" +
      "import { join } from 'node:path';\nimport { y } from './y.js';\nexport * from 'zod/v4';\n";
    expect(importedPackages(source)).toEqual(['@bookstrack/contract', 'openapi-fetch', 'zod']);
  });
});
