// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "mutualis",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mutualis-server", targets: ["mutualis-server"]),
        .executable(name: "mutualis-admin", targets: ["mutualis-admin"]),
        .library(name: "MutualisDomain", targets: ["MutualisDomain"]),
        .library(name: "PostgresClient", targets: ["PostgresClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // The statements of a month as one ZIP of CSV files, written in memory.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // libpq, as the system provides it.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Our PostgreSQL client: the only target that speaks to libpq.
        .target(
            name: "PostgresClient",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The rules of pooling and cost sharing: no I/O, no SQL, no HTTP.
        .target(
            name: "MutualisDomain",
            swiftSettings: swiftSettings
        ),
        // Every SQL statement of the product, the migrations embedded from SQL/, and the
        // façade over the database that everything above it uses.
        .target(
            name: "MutualisStore",
            dependencies: [
                "MutualisDomain",
                "PostgresClient",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedMigrations"]
        ),
        // The JSON and CSV shapes the API and the CLI share, and strict JSON reading.
        .target(
            name: "MutualisRepresentations",
            dependencies: [
                "MutualisDomain",
                "MutualisStore",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The pages for people: French, server-rendered with Mustache, on the same store.
        .target(
            name: "MutualisWeb",
            dependencies: [
                "MutualisDomain",
                "MutualisRepresentations",
                "MutualisStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("Templates"), .embedInCode("Static")],
            swiftSettings: swiftSettings
        ),
        // The HTTP API over the store, described by OpenAPI/openapi.yaml, and the server that
        // also serves the pages.
        .target(
            name: "MutualisService",
            dependencies: [
                "MutualisDomain",
                "MutualisRepresentations",
                "MutualisStore",
                "MutualisWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            resources: [.embedInCode("OpenAPI/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        // The admin commands, as a library so that tests run them in-process.
        .target(
            name: "MutualisAdmin",
            dependencies: [
                "MutualisDomain",
                "MutualisRepresentations",
                "MutualisStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mutualis-server",
            dependencies: [
                "MutualisService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mutualis-admin",
            dependencies: ["MutualisAdmin"],
            swiftSettings: swiftSettings
        ),
        // Turns SQL/*.sql into Swift source at build time, so that binaries carry their migrations.
        .executableTarget(
            name: "mutualis-embed-migrations",
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["mutualis-embed-migrations"]
        ),
        // Benchmarks print figures; performance targets live here, never in timed tests.
        .executableTarget(
            name: "allocation-benchmark",
            dependencies: ["MutualisDomain"],
            path: "Benchmarks/AllocationBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "allocation-run-benchmark",
            dependencies: ["MutualisDomain", "MutualisStore"],
            path: "Benchmarks/AllocationRunBenchmark",
            swiftSettings: swiftSettings
        ),
        // A throwaway PostgreSQL cluster for the tests.
        .target(
            name: "PostgresTestSupport",
            dependencies: ["PostgresClient"],
            swiftSettings: swiftSettings
        ),
        // The migrated template database and fixtures shared by the tests of the product.
        .target(
            name: "MutualisTestSupport",
            dependencies: ["MutualisDomain", "MutualisStore", "PostgresClient", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PostgresClientTests",
            dependencies: ["PostgresClient", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MutualisDomainTests",
            dependencies: [
                "MutualisDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MutualisStoreTests",
            dependencies: ["MutualisDomain", "MutualisStore", "MutualisTestSupport", "PostgresClient", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MutualisServiceTests",
            dependencies: [
                "MutualisDomain", "MutualisRepresentations", "MutualisService", "MutualisStore", "MutualisTestSupport", "MutualisWeb",
                "PostgresClient", "PostgresTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MutualisWebTests",
            dependencies: ["MutualisDomain", "MutualisRepresentations", "MutualisWeb"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MutualisAdminTests",
            dependencies: ["MutualisAdmin", "MutualisStore", "MutualisTestSupport", "PostgresClient", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
