// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "facets",
    products: [
        .executable(name: "facets", targets: ["facets"]),
        .library(name: "FacetsCore", targets: ["FacetsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Notes, vaults, links, search, history: everything that knows notes and nothing of terminals.
        .target(name: "FacetsCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The Data/ folder compiled into the binary, so a copied `facets` still has its content.
        .executableTarget(name: "EmbedDataGenerator"),
        .plugin(name: "EmbedDataPlugin", capability: .buildTool(), dependencies: ["EmbedDataGenerator"]),
        .target(name: "FacetsBundledContent", exclude: ["Data"], plugins: ["EmbedDataPlugin"]),
        // The explorer without a terminal: state, actions, layout and rendering into a screen buffer.
        .target(name: "FacetsUI", dependencies: ["FacetsCore"]),
        // The only code that talks to ncurses.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "CTerminalSupport"),
        .target(name: "FacetsTerminal", dependencies: ["FacetsUI", "CNcurses", "CTerminalSupport"]),
        .executableTarget(
            name: "facets",
            dependencies: [
                "FacetsCore", "FacetsUI", "FacetsTerminal", "FacetsBundledContent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FacetsCoreTests", dependencies: ["FacetsCore", "FacetsBundledContent"]),
        .testTarget(name: "FacetsUITests", dependencies: ["FacetsUI", "FacetsCore", "FacetsBundledContent"]),
        .testTarget(name: "FacetsEndToEndTests", dependencies: ["FacetsCore", "FacetsUI", "FacetsBundledContent", "facets"], exclude: ["Support"]),
    ],
    swiftLanguageModes: [.v6]
)
