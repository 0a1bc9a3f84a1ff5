// The root entry of @bookstrack/contract: `export *` of the generated modules, with each name that
// two modules export (constants' `ErrorCode` and the schemas' one) taken from the first that has it:
// two `export *` of one name are ambiguous (tsc error TS2308). Readers stay on their own subpath:
// their names may mirror the strict validators', and one import must not silently mean the other.

export interface BarrelModule {
  /** Module name without extension, as it sits beside the barrel (`schemas`). */
  name: string;
  source: string;
}

const EXPORTED_NAME =
  /^export\s+(?:declare\s+)?(?:const|let|var|type|interface|function|class|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm;

/** Names `source` declares with a top-level `export`. */
export function exportedNames(source: string): string[] {
  return [...new Set([...source.matchAll(EXPORTED_NAME)].map((match) => match[1] as string))];
}

/** The barrel's text for `modules`, in priority order (the first module wins a shared name). */
export function barrelSource(modules: readonly BarrelModule[], header: string): string {
  const owner = new Map<string, string>();
  const shared = new Set<string>();
  for (const module of modules) {
    for (const name of exportedNames(module.source)) {
      if (owner.has(name)) shared.add(name);
      else owner.set(name, module.name);
    }
  }
  const lines = [header, ...modules.map((module) => `export * from './${module.name}.js';`)];
  for (const name of [...shared].sort()) lines.push(`export { ${name} } from './${owner.get(name)}.js';`);
  return `${lines.join('\n')}\n`;
}
