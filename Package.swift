// swift-tools-version:5.9
// The BooksTrack contract as a Swift package (add this repository by URL, or by path). Its sources
// and tests are generated into generated/swift/ by `npm run generate`; see client/SWIFT.md.
import PackageDescription

let package = Package(
    name: "BooksTrackContract",
    platforms: [.iOS(.v13), .macOS(.v10_15), .tvOS(.v13), .watchOS(.v6)],
    products: [.library(name: "BooksTrackContract", targets: ["BooksTrackContract"])],
    targets: [
        .target(name: "BooksTrackContract", path: "generated/swift/Sources/BooksTrackContract"),
        .testTarget(name: "BooksTrackContractTests", dependencies: ["BooksTrackContract"], path: "generated/swift/Tests/BooksTrackContractTests"),
    ]
)
