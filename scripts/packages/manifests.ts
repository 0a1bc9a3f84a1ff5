// The rules a publishable manifest (packages/*/package.json) must keep with the workspace: the
// contract package carries the contract version, the client package the client workspace's
// version, and every range admits the version the workspace tests with.

export interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** True when `range` (an exact version or `^X.Y.Z`) admits `version`; other range forms are not used here. */
export function rangeAdmits(range: string, version: string): boolean {
  const parse = (text: string) => /^(\d+)\.(\d+)\.(\d+)$/.exec(text)?.slice(1).map(Number);
  const wanted = parse(version);
  if (!wanted) return false;
  if (!range.startsWith('^')) return range === version;
  const floor = parse(range.slice(1));
  if (!floor) return false;
  const [major, minor, patch] = floor as [number, number, number];
  const [vMajor, vMinor, vPatch] = wanted as [number, number, number];
  // ^0.Y.Z stays inside 0.Y (npm's caret on a zero major).
  if (vMajor !== major || (major === 0 && vMinor !== minor)) return false;
  return vMinor > minor || (vMinor === minor && vPatch >= patch);
}

/** Every dependency or peer range of `manifest`, by package name. */
export function declaredRanges(manifest: Manifest): Record<string, string> {
  return { ...manifest.dependencies, ...manifest.peerDependencies };
}

export interface ManifestExpectations {
  /** The version the manifest must carry. */
  version: string;
  /** Package name → the version the workspace installs (and tests with); each range must admit it. */
  tested: Record<string, string>;
}

/** What is wrong with `manifest`, one sentence per problem; empty when it keeps the rules. */
export function manifestProblems(manifest: Manifest, expected: ManifestExpectations): string[] {
  const problems: string[] = [];
  if (manifest.version !== expected.version) {
    problems.push(`${manifest.name}: version is ${manifest.version}, expected ${expected.version}`);
  }
  const ranges = declaredRanges(manifest);
  for (const [name, version] of Object.entries(expected.tested)) {
    const range = ranges[name];
    if (range === undefined) problems.push(`${manifest.name}: does not declare ${name} (tested with ${version})`);
    else if (!rangeAdmits(range, version)) {
      problems.push(`${manifest.name}: ${name} ${range} does not admit ${version}, the version it is tested with`);
    }
  }
  return problems;
}

/** Packages the built files import that the manifest does not declare (they would fail once installed). */
export function undeclaredImports(manifest: Manifest, imported: readonly string[]): string[] {
  const ranges = declaredRanges(manifest);
  return imported.filter((name) => name !== manifest.name && ranges[name] === undefined);
}
