import { describe, expect, it } from 'vitest';
import { barrelSource, exportedNames } from './barrel';

describe('barrelSource', () => {
  it('re-exports every module and takes a name two modules export from the first', () => {
    const modules = [
      { name: 'schemas', source: "export const ErrorCodeSchema = z.enum([]);\nexport type ErrorCode = 'A';\n" },
      { name: 'constants', source: "export const ERROR_CODES = ['A'] as const;\nexport type ErrorCode = 'A';\n" },
    ];
    expect(barrelSource(modules, '// header')).toBe(
      "// header\nexport * from './schemas.js';\nexport * from './constants.js';\nexport { ErrorCode } from './schemas.js';\n",
    );
  });
});

describe('exportedNames', () => {
  it('finds top-level exported declarations of every kind, once each', () => {
    const source =
      'export const A = 1;\nexport type B = 2;\nexport interface C {}\nexport function d() {}\n' +
      'export declare const E: 1;\nconst hidden = 1;\n  export const Indented = 1;\nexport type B2 = B;\n';
    expect(exportedNames(source)).toEqual(['A', 'B', 'C', 'd', 'E', 'B2']);
  });
});
