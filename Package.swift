// swift-tools-version: 6.0
//
// support-engine: the embeddable core of a help desk for paid membership clubs and communities.
// Foundation and the toolchain only: this manifest must never gain a package dependency.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "support-engine",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SupportCore", targets: ["SupportCore"]),
        .library(name: "TicketLifecycle", targets: ["TicketLifecycle"]),
        .library(name: "PriorityRouting", targets: ["PriorityRouting"]),
        .library(name: "SupportBoundaries", targets: ["SupportBoundaries"]),
        .library(name: "RefundRules", targets: ["RefundRules"]),
        .library(name: "Moderation", targets: ["Moderation"]),
        .library(name: "MemberJourney", targets: ["MemberJourney"]),
        .library(name: "ServiceLevels", targets: ["ServiceLevels"]),
        .library(name: "SupportTemplates", targets: ["SupportTemplates"]),
        .library(name: "SupportMetrics", targets: ["SupportMetrics"]),
        .library(name: "SupportEmail", targets: ["SupportEmail"]),
        .library(name: "SupportReports", targets: ["SupportReports"]),
        .library(name: "SupportEngine", targets: ["SupportEngine"]),
        .library(name: "SupportEngineTesting", targets: ["SupportEngineTesting"]),
        .library(name: "SupportSimulation", targets: ["SupportSimulation"]),
        .executable(name: "supportdesk", targets: ["supportdesk"]),
        .executable(name: "support-bench", targets: ["support-bench"]),
    ],
    targets: [
        // Shared vocabulary.
        .target(name: "SupportCore", swiftSettings: strictSettings),

        // Pure policy modules: Foundation + SupportCore, no I/O, no clock.
        .target(name: "TicketLifecycle", dependencies: ["SupportCore"], swiftSettings: strictSettings),
        .target(name: "PriorityRouting", dependencies: ["SupportCore"], swiftSettings: strictSettings),
        .target(name: "SupportBoundaries", dependencies: ["SupportCore"], swiftSettings: strictSettings),
        .target(name: "RefundRules", dependencies: ["SupportCore"], swiftSettings: strictSettings),
        .target(name: "Moderation", dependencies: ["SupportCore"], swiftSettings: strictSettings),
        .target(name: "MemberJourney", dependencies: ["SupportCore"], swiftSettings: strictSettings),
        .target(
            name: "ServiceLevels",
            dependencies: ["SupportCore", "TicketLifecycle", "SupportBoundaries"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SupportTemplates",
            dependencies: ["SupportCore", "TicketLifecycle", "RefundRules", "Moderation", "MemberJourney"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SupportMetrics",
            dependencies: ["SupportCore", "TicketLifecycle", "SupportTemplates"],
            swiftSettings: strictSettings
        ),

        .target(name: "SupportEmail", dependencies: ["SupportCore"], swiftSettings: strictSettings),
        .target(
            name: "SupportReports",
            dependencies: ["SupportCore", "SupportBoundaries", "SupportMetrics"],
            swiftSettings: strictSettings
        ),

        // The engine: protocols, the desk actor, in-memory adapters.
        .target(
            name: "SupportEngine",
            dependencies: [
                "SupportCore", "TicketLifecycle", "PriorityRouting", "SupportBoundaries", "RefundRules", "Moderation",
                "MemberJourney", "ServiceLevels", "SupportTemplates", "SupportMetrics", "SupportEmail",
                "SupportReports",
            ],
            swiftSettings: strictSettings
        ),

        // The test kit: manual clock, failing channel, store conformance suites.
        .target(name: "SupportEngineTesting", dependencies: ["SupportEngine"], swiftSettings: strictSettings),

        // The club simulator: club document, traffic model, simulation run, audit, reports.
        .target(name: "SupportSimulation", dependencies: ["SupportEngine"], swiftSettings: strictSettings),

        // Executables.
        .executableTarget(
            name: "supportdesk",
            dependencies: ["SupportEngine", "SupportSimulation", "SupportEngineTesting"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "support-bench",
            dependencies: ["SupportEngine", "SupportEngineTesting", "SupportEmail"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "QuickStart",
            dependencies: ["SupportEngine", "SupportEngineTesting"],
            path: "Examples/QuickStart/Sources/QuickStart"
        ),

        // Tests.
        .testTarget(name: "SupportCoreTests", dependencies: ["SupportCore"]),
        .testTarget(name: "TicketLifecycleTests", dependencies: ["TicketLifecycle"]),
        .testTarget(name: "PriorityRoutingTests", dependencies: ["PriorityRouting"]),
        .testTarget(name: "SupportBoundariesTests", dependencies: ["SupportBoundaries"]),
        .testTarget(name: "RefundRulesTests", dependencies: ["RefundRules"]),
        .testTarget(name: "ModerationTests", dependencies: ["Moderation"]),
        .testTarget(name: "MemberJourneyTests", dependencies: ["MemberJourney"]),
        .testTarget(name: "ServiceLevelsTests", dependencies: ["ServiceLevels"]),
        .testTarget(
            name: "SupportTemplatesTests",
            dependencies: ["SupportTemplates", "RefundRules", "Moderation"]
        ),
        .testTarget(
            name: "SupportMetricsTests",
            dependencies: ["SupportMetrics", "SupportTemplates", "TicketLifecycle"]
        ),
        .testTarget(name: "SupportReportsTests", dependencies: ["SupportReports", "SupportCore", "SupportMetrics"]),
        .testTarget(
            name: "SupportEmailTests",
            dependencies: ["SupportEmail"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SupportEngineTests",
            dependencies: ["SupportEngine", "SupportEngineTesting"],
            resources: [.copy("Email/Fixtures")]
        ),
        .testTarget(name: "SupportSimulationTests", dependencies: ["SupportSimulation", "SupportEngine"]),
        .testTarget(name: "supportdeskTests", dependencies: ["supportdesk", "SupportSimulation", "SupportEngine"]),
    ],
    swiftLanguageModes: [.v6]
)
