import Foundation
import Logging
import PostgresNIO
import PostgresStores
import SupportEngine

/// One run of the PostgreSQL figures on a fresh schema, dropped afterwards.
struct BenchmarkRun {
    let settings: PostgresSettings
    let schema: String
    let logger: Logger
    let messages: Int
    let senders: Int
    let capacity: Int

    /// A desk open around the clock with ten agents of `capacity` tickets each, sharing its store with
    /// other desks (a store scan every 5 seconds), as a busy club's desk is.
    static func configuration(capacity: Int) -> DeskConfiguration {
        let agents = (1...10).map {
            #"{"id": "agent-\#($0)", "displayName": "Agent \#($0)", "capacity": \#(capacity)}"#
        }
        let document = """
            {
              "hours": {"timeZone": "UTC", "alwaysOpen": true},
              "sla": {"targets": {
                "low": {"firstReply": {"business": 3600}}, "normal": {"firstReply": {"business": 3600}},
                "high": {"firstReply": {"business": 3600}}, "urgent": {"firstReply": {"business": 3600}}}},
              "routing": {"agents": [\(agents.joined(separator: ", "))]},
              "delivery": {"storeScanInterval": 5, "claimOnCommit": true}
            }
            """
        do {
            return try DeskConfiguration.decode(json: Data(document.utf8))
        } catch {
            fatalError("the benchmark's desk document is invalid: \(error)")
        }
    }

    func run() async throws -> [String] {
        var figures: [String] = []
        try await withClients(3) { clients in
            let stores = try clients.map { try PostgresDeskStores(client: $0, schema: schema, logger: logger) }
            try await stores[0].dropSchema()
            try await stores[0].migrate()
            let desks = try stores.map { try Self.desk(on: $0, capacity: capacity) }
            for agent in 1...10 {
                try await desks[0].agents.setPresence(.online, of: AgentID("agent-\(agent)"))
            }
            // Warm every desk's pool and caches before measuring.
            for (index, desk) in desks.enumerated() {
                _ = try await Self.ingest(into: [desk], count: senders, senders: senders, prefix: "warm\(index)")
            }
            for (name, phase) in [("1desk", [desks[0]]), ("3desks", desks)] {
                let before = MachineCPU.now()
                let seconds = try await Self.ingest(into: phase, count: messages, senders: senders, prefix: name)
                figures.append(Self.figure("pg.ingest.\(name)", Double(messages) / seconds, "msg/s"))
                // What bounds the figure on one machine: how busy its cores were (the database's share
                // included), and the processor time each message took.
                if let before, let after = MachineCPU.now() {
                    figures.append(Self.figure("pg.cpu_busy.\(name)", 100 * after.busyShare(since: before), "%"))
                    let perMessage = 1e6 * after.busySeconds(since: before) / Double(messages)
                    figures.append(Self.figure("pg.cpu_per_message.\(name)", perMessage, "core-us"))
                }
            }
            try await stores[0].dropSchema()
            figures += try await SweepRun.run(
                client: clients[0],
                logger: logger,
                tickets: messages,
                senders: senders,
                capacity: capacity
            )
        }
        return figures
    }

    /// Sends `count` new members' messages from `senders` concurrent senders, spread over the desks in
    /// turn; returns the seconds it took.
    ///
    /// - Parameter receivedAt: The instant each message says it was received; now by default (a desk on
    ///   a manual clock is given its clock's instant).
    static func ingest(
        into desks: [SupportDesk],
        count: Int,
        senders: Int,
        prefix: String,
        receivedAt: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> Double {
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for sender in 0..<senders {
                let desk = desks[sender % desks.count]
                group.addTask {
                    var index = sender
                    while index < count {
                        let message = InboundMessage(
                            channel: .email,
                            externalID: "<\(prefix)-\(index)@bench.example>",
                            sender: MemberID("member-\(prefix)-\(index)@bench.example"),
                            subject: "Cannot open the course page",
                            body: "Hello, since yesterday the course page shows an error when I open lesson \(index). "
                                + "Could you have a look? Thank you.",
                            receivedAt: receivedAt()
                        )
                        try await desk.receive(message)
                        index += senders
                    }
                }
            }
            try await group.waitForAll()
        }
        return seconds(ContinuousClock.now - start)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func desk(
        on stores: PostgresDeskStores,
        capacity: Int,
        clock: any SupportClock = SystemClock()
    ) throws -> SupportDesk {
        try SupportDesk(
            store: stores.tickets,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: configuration(capacity: capacity),
            ledgers: stores.policyLedgers,
            journeys: stores.journeys,
            ratings: stores.ratings,
            agentStatuses: stores.agentStatuses
        )
    }

    /// Runs `body` with `count` running clients, one per desk, as separate servers would have.
    func withClients(_ count: Int, _ body: ([PostgresClient]) async throws -> Void) async throws {
        let clients = (0..<count).map { _ in
            PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients { group.addTask { await client.run() } }
            defer { group.cancelAll() }
            try await body(clients)
        }
    }

    static func figure(_ name: String, _ value: Double, _ unit: String) -> String {
        "\(name) \(String(format: "%.1f", value)) \(unit)"
    }
}
