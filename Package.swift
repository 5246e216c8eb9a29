// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "facets",
    products: [
        .executable(name: "facets", targets: ["facets"]),
        .library(name: "FacetsCore", targets: ["FacetsCore"]),
        // For the fuzzer package in Fuzz/, which lays notes out as the explorer does.
        .library(name: "FacetsUI", targets: ["FacetsUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh.git", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // Notes, vaults, links, search, history: everything that knows notes and nothing of terminals.
        .target(name: "FacetsCore", dependencies: ["CByteScan", .product(name: "Yams", package: "Yams")]),
        // The load's hot loop: finding the next byte that matters, sixteen at a time.
        .target(name: "CByteScan"),
        // The Data/ folder compiled into the binary, so a copied `facets` still has its content, with
        // the notes parsed at build time (by FacetsCore's own parser), so starting on them parses nothing.
        .executableTarget(name: "EmbedDataGenerator", dependencies: ["FacetsCore"]),
        .plugin(name: "EmbedDataPlugin", capability: .buildTool(), dependencies: ["EmbedDataGenerator"]),
        .target(name: "FacetsBundledContent", exclude: ["Data"], plugins: ["EmbedDataPlugin"]),
        // The explorer without a terminal: state, actions, layout and rendering into a screen buffer.
        .target(name: "FacetsUI", dependencies: ["FacetsCore"]),
        // Settings from config.toml (theme, vault, key bindings...): parsed and checked without a terminal.
        .target(
            name: "FacetsConfig",
            dependencies: ["FacetsUI", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The only code that talks to ncurses.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "CTerminalSupport"),
        .target(name: "FacetsTerminal", dependencies: ["FacetsUI", "CNcurses", "CTerminalSupport"]),
        // `facets serve`: an SSH server giving each attendee their own explorer in a pseudo-terminal.
        .target(name: "CPty"),
        .target(
            name: "FacetsServe",
            dependencies: [
                "CPty",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Allocator settings for the loader's threads (glibc's mallopt is not visible from Swift).
        .target(name: "CMallocTuning"),
        .executableTarget(
            name: "facets",
            dependencies: [
                "CMallocTuning", "FacetsCore", "FacetsUI", "FacetsConfig", "FacetsTerminal", "FacetsBundledContent", "FacetsServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release build links the Swift runtime and Foundation in, as `make` does: one file to copy,
            // and half the start-up (the dynamic loader binding Foundation and ICU was 5-10 ms of every
            // command). Compiled with it too, so that the objects name the static libraries' own
            // dependencies (CoreFoundation, ICU) for the linker. Debug builds and tests keep shared libraries.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(name: "FacetsCoreTests", dependencies: ["FacetsCore", "FacetsBundledContent"]),
        .testTarget(name: "FacetsUITests", dependencies: ["FacetsUI", "FacetsCore", "FacetsBundledContent"]),
        .testTarget(name: "FacetsConfigTests", dependencies: ["FacetsConfig", "FacetsUI"]),
        // Starting programs from tests as a shell would; shared by the tests that run the real binary.
        .target(name: "ChildProcessSupport", dependencies: ["CTerminalSupport"], path: "Tests/ChildProcessSupport"),
        // NIOSSH for a scripted client: the requests OpenSSH's client cannot be made to send.
        .testTarget(name: "FacetsServeTests", dependencies: ["FacetsServe", "CPty", "ChildProcessSupport",
                                                             .product(name: "NIOSSH", package: "swift-nio-ssh"),
                                                             .product(name: "NIOCore", package: "swift-nio"),
                                                             .product(name: "NIOPosix", package: "swift-nio"),
                                                             .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                                                             .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "FacetsEndToEndTests", dependencies: ["FacetsCore", "FacetsUI", "FacetsBundledContent", "facets", "ChildProcessSupport",
                                                             "CMallocTuning", "FacetsTerminal"],
                    exclude: ["Support"]),
    ],
    swiftLanguageModes: [.v6]
)
