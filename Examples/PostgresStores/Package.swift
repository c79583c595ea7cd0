// swift-tools-version: 6.0
//
// PostgreSQL implementations of support-engine's stores, built on PostgresNIO.
// A standalone example package: the library itself stays dependency-free.

import PackageDescription

let package = Package(
    name: "PostgresStores",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PostgresStores", targets: ["PostgresStores"]),
        .executable(name: "pg-bench", targets: ["pg-bench"]),
    ],
    dependencies: [
        .package(name: "support-engine", path: "../.."),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "PostgresStores",
            dependencies: [
                .product(name: "SupportEngine", package: "support-engine"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // The PostgreSQL figures (pg.ingest.1desk, pg.ingest.3desks, pg.sweep.per_due), release build.
        .executableTarget(
            name: "pg-bench",
            dependencies: [
                "PostgresStores",
                .product(name: "SupportEngine", package: "support-engine"),
                .product(name: "SupportEngineTesting", package: "support-engine"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "PostgresStoresTests",
            dependencies: [
                "PostgresStores",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SupportEngine", package: "support-engine"),
                .product(name: "SupportEngineTesting", package: "support-engine"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
