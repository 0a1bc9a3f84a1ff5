// The Swift package layout: the repository-root Package.swift (hand-written, checked against
// `rootPackageManifest()` by swift-package.test.ts) declares targets over generated/swift/, since
// SPM reads only the manifest at a repository's root when a package is added by URL.
export const SWIFT_PACKAGE = {
  name: 'BooksTrackContract',
  testTarget: 'BooksTrackContractTests',
  /** Relative to generated/ (the generator's output folder). */
  sources: 'swift/Sources/BooksTrackContract',
  tests: 'swift/Tests/BooksTrackContractTests',
} as const;

/** Oldest OS versions with `ISO8601DateFormatter.withFractionalSeconds` and top-level JSON fragments. */
const PLATFORMS = '[.iOS(.v13), .macOS(.v10_15), .tvOS(.v13), .watchOS(.v6)]';

export function rootPackageManifest(): string {
  const { name, sources, testTarget, tests } = SWIFT_PACKAGE;
  return (
    '// swift-tools-version:5.9\n' +
    '// The BooksTrack contract as a Swift package (add this repository by URL, or by path). Its sources\n' +
    '// and tests are generated into generated/swift/ by `npm run generate`; see client/SWIFT.md.\n' +
    'import PackageDescription\n\n' +
    'let package = Package(\n' +
    `    name: "${name}",\n` +
    `    platforms: ${PLATFORMS},\n` +
    `    products: [.library(name: "${name}", targets: ["${name}"])],\n` +
    '    targets: [\n' +
    `        .target(name: "${name}", path: "generated/${sources}"),\n` +
    `        .testTarget(name: "${testTarget}", dependencies: ["${name}"], path: "generated/${tests}"),\n` +
    '    ]\n)\n'
  );
}
