// swift-tools-version: 6.0
//
// A PostgreSQL implementation of support-engine's TicketStore, built on PostgresNIO.
// A standalone example package: the library itself stays dependency-free.

import PackageDescription

let package = Package(
    name: "PostgresTicketStore",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PostgresTicketStore", targets: ["PostgresTicketStore"])
    ],
    dependencies: [
        .package(name: "support-engine", path: "../.."),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "PostgresTicketStore",
            dependencies: [
                .product(name: "SupportEngine", package: "support-engine"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "PostgresTicketStoreTests",
            dependencies: [
                "PostgresTicketStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SupportEngine", package: "support-engine"),
                .product(name: "SupportEngineTesting", package: "support-engine"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
