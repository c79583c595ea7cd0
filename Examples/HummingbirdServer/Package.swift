// swift-tools-version: 6.0
//
// An HTTP API around one SupportDesk, on Hummingbird. A standalone example package: the library itself
// stays dependency-free.

import PackageDescription

let package = Package(
    name: "HummingbirdServer",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "support-server", targets: ["support-server"]),
        .executable(name: "mailgate", targets: ["mailgate"]),
        .library(name: "SupportServer", targets: ["SupportServer"]),
    ],
    dependencies: [
        .package(name: "support-engine", path: "../.."),
        .package(name: "PostgresStores", path: "../PostgresStores"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Already in the graph through Hummingbird; named here for the SMTP sender's NIOCore and NIOPosix.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // Webhook delivery (HTTP client, HMAC signatures) and the /metrics endpoint.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "SupportServer",
            dependencies: [
                .product(name: "SupportEngine", package: "support-engine"),
                .product(name: "PostgresStores", package: "PostgresStores"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The OpenAPI document served at GET /openapi.json.
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // The mailgate's logic, Foundation only, so the command stays small and its exit codes are tested.
        .target(name: "MailgateCore", swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
        .executableTarget(
            name: "mailgate",
            dependencies: ["MailgateCore"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "support-server",
            dependencies: ["SupportServer"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "SupportServerTests",
            dependencies: [
                "SupportServer",
                "MailgateCore",
                .product(name: "SupportEngine", package: "support-engine"),
                .product(name: "SupportEngineTesting", package: "support-engine"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresStores", package: "PostgresStores"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
