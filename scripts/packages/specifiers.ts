// Rewrites a workspace module's import specifiers for publishing: Node's ESM loader needs the file
// extension on relative imports (the workspace resolves `./schemas` as a bundler would), and a
// published package names @bookstrack/contract, never the workspace-only @bookstrack/generated.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/** Package-name prefixes to replace: `{ '@bookstrack/generated': '@bookstrack/contract' }`. */
export type Renames = Readonly<Record<string, string>>;

/** `./x` → `./x.js` (or `./x/index.js`), for a relative specifier seen from `dir`. */
export type RelativeResolver = (specifier: string) => string;

const HAS_RUNTIME_EXTENSION = /\.(m?js|json)$/;

/** The relative resolver for a folder of `.ts` sources: names the `.js` file tsc will emit. */
export function tsSourceResolver(dir: string): RelativeResolver {
  return (specifier) => {
    if (HAS_RUNTIME_EXTENSION.test(specifier)) return specifier;
    const base = resolve(dir, specifier);
    if (existsSync(`${base}.ts`)) return `${specifier}.js`;
    if (existsSync(join(base, 'index.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
    throw new Error(`cannot resolve ${specifier} from ${dir}`);
  };
}

/** `@bookstrack/generated/schemas` → `@bookstrack/contract/schemas`; other bare specifiers unchanged. */
export function renamePackage(specifier: string, renames: Renames): string {
  for (const [from, to] of Object.entries(renames)) {
    if (specifier === from || specifier.startsWith(`${from}/`)) return to + specifier.slice(from.length);
  }
  return specifier;
}

/** Every import, export-from, dynamic import() and import type() specifier of `source`, rewritten. */
export function rewriteSpecifiers(source: string, resolveRelative: RelativeResolver, renames: Renames = {}): string {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  let rewritten = source;
  // From the end, so earlier positions stay valid while later ones change length.
  for (const { fileName, pos } of [...importedFiles].sort((a, b) => b.pos - a.pos)) {
    const next = fileName.startsWith('.') ? resolveRelative(fileName) : renamePackage(fileName, renames);
    if (next === fileName) continue;
    // `pos` is the string literal's start: its opening quote.
    const start = source[pos] === "'" || source[pos] === '"' ? pos + 1 : pos;
    if (source.slice(start, start + fileName.length) !== fileName) throw new Error(`${fileName}: not at ${pos}`);
    rewritten = rewritten.slice(0, start) + next + rewritten.slice(start + fileName.length);
  }
  return rewritten;
}

/** Every other mention of a renamed package (doc comments that show an import), so the docs name the published one. */
export function renameMentions(source: string, renames: Renames): string {
  let text = source;
  for (const [from, to] of Object.entries(renames)) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`${escaped}(?![\\w-])`, 'g'), to);
  }
  return text;
}

/** The bare package names `source` imports (`zod`, `@scope/name`), without subpaths or `node:` builtins. */
export function importedPackages(source: string): string[] {
  const names = ts
    .preProcessFile(source, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((name) => !name.startsWith('.') && !name.startsWith('node:'))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return [...new Set(names)].sort();
}
