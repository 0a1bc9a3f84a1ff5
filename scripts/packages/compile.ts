// tsc over a staged folder of ESM sources: JavaScript and .d.ts for Node's resolution (NodeNext),
// as strict as the workspace's tsconfig, failing on any diagnostic so a broken package is never written.
import ts from 'typescript';
import { listFiles } from '../core/list-files';

export interface CompileOptions {
  /** The staged sources (a folder under a package.json with `"type": "module"`). */
  rootDir: string;
  outDir: string;
  /** Library names as tsconfig spells them: `ES2023`, `DOM`, `DOM.Iterable`. */
  lib: readonly string[];
}

export function compilerOptions({ rootDir, outDir, lib }: CompileOptions): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: lib.map((name) => `lib.${name.toLowerCase()}.d.ts`),
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    esModuleInterop: true,
    skipLibCheck: true,
    declaration: true,
    noEmitOnError: true,
    newLine: ts.NewLineKind.LineFeed,
    rootDir,
    outDir,
  };
}

/** Emits every `.ts` under `rootDir` into `outDir`; throws with tsc's messages on any error. */
export function compile(options: CompileOptions): void {
  const files = listFiles(options.rootDir, (name) => name.endsWith('.ts'));
  const program = ts.createProgram(files, compilerOptions(options));
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length === 0 && !emitted.emitSkipped) return;
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => options.rootDir,
    getNewLine: () => '\n',
  };
  throw new Error(`tsc failed for ${options.rootDir}:\n${ts.formatDiagnostics(diagnostics, host)}`);
}
