// swift-tools-version: 6.0
import PackageDescription

// A libFuzzer target over the note parser, the block and inline trees, layout and link resolution.
// Its own package, so the fuzzer (which needs `--sanitize=fuzzer`) stays out of the main `swift build`
// and `swift test`. Build and run it with `./run.sh` (see the README's Contributing section).
let package = Package(
    name: "FacetsFuzz",
    dependencies: [
        .package(name: "facets", path: ".."),
    ],
    targets: [
        // No main.swift: libFuzzer brings `main` and calls `LLVMFuzzerTestOneInput`.
        .executableTarget(
            name: "FacetsFuzz",
            dependencies: [
                .product(name: "FacetsCore", package: "facets"),
                .product(name: "FacetsUI", package: "facets"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
