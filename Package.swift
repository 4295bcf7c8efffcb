// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: remit → RemitServer → RemitCore → Markdown → CCmarkGFM.
let package = Package(
    name: "Remit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "remit", targets: ["remit"]),
        .library(name: "RemitCore", targets: ["RemitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only Swift that sees C.
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        // The default theme (templates/), compiled into the binary by the EmbedTheme plugin.
        .executableTarget(name: "remit-embed-theme"),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["remit-embed-theme"]
        ),
        .target(name: "DefaultTheme", plugins: ["EmbedTheme"]),
        .target(
            name: "RemitCore",
            dependencies: [
                "Markdown",
                "DefaultTheme",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            // The CI recipes `remit init --ci` writes: links to examples/ci/, embedded as bytes.
            resources: [.embedInCode("Init/Recipes")]
        ),
        // `remit serve`: the preview server, the only code that sees Hummingbird.
        .target(
            name: "RemitServer",
            dependencies: [
                "RemitCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "remit",
            dependencies: [
                "RemitCore",
                "RemitServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(
            name: "RemitCoreTests",
            dependencies: ["RemitCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "RemitServerTests", dependencies: ["RemitServer"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["RemitCore", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
    ]
)
