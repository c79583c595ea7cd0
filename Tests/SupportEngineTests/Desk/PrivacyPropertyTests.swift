import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Seeded random scenarios: whatever members and agents do, internal notes stay internal and members only
/// ever see their own tickets. A failure names its seed; rerun one with `runScenario(seed:)`.
@Suite("Privacy properties over random scenarios")
struct PrivacyPropertyTests {
    static let marker = "NOTE-MARKER-"
    static let agents = [
        AgentProfile(id: "agent-anna", displayName: "Anna"),
        AgentProfile(id: "agent-boris", displayName: "Boris"),
    ]
    static let statuses: [TicketStatus?] = [nil, .open, .pending, .onHold, .solved, .closed, .new]

    @Test("internal notes never reach a member, and no member sees another member's ticket")
    func privacy() async throws {
        let scenarios: UInt64 = 240
        for index in 0..<scenarios {
            let seed = 0x5EED_0000_0000 &+ index
            do {
                try await runScenario(seed: seed)
            } catch {
                Issue.record("seed \(seed): unexpected error \(error)")
            }
        }
    }

    /// What a scenario has done so far.
    private struct Record {
        var members: [MemberID] = []
        var threads: [String] = []
        var tickets: [TicketID] = []
        var owners: [TicketID: MemberID] = [:]
        var notes: [String] = []
        var replies = 0
        var delivered: [InboundMessage] = []
    }

    func runScenario(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let email = InMemoryChannel(kind: .email)
        let telegram = InMemoryChannel(kind: .telegram)
        let harness = DeskHarness(
            configuration: DeskConfiguration(autoCloseAfter: 3600, agents: Self.agents),
            channels: [email, telegram]
        )
        var record = Record()
        record.members = (0..<Int.random(in: 2...5, using: &random)).map { MemberID("member-\($0)") }
        let steps = Int.random(in: 10...40, using: &random)

        for step in 0..<steps {
            let roll = Int.random(in: 0..<100, using: &random)
            do {
                switch roll {
                case 0..<30:
                    try await memberMessage(step: step, seed: seed, harness: harness, record: &record, random: &random)
                case 30..<50:
                    guard let id = record.tickets.randomElement(using: &random) else { continue }
                    let status = Self.statuses.randomElement(using: &random)!
                    let agent = Self.agents.randomElement(using: &random)!.id
                    try await harness.desk.reply(to: id, body: "Reply \(step)", by: .agent(agent), status: status)
                    record.replies += 1
                case 50..<68:
                    guard let id = record.tickets.randomElement(using: &random) else { continue }
                    let note = "\(Self.marker)\(seed)-\(step)"
                    try await harness.desk.addInternalNote(to: id, body: "check billing \(note)", by: DeskHarness.agent)
                    record.notes.append(note)
                case 68..<80:
                    guard let id = record.tickets.randomElement(using: &random) else { continue }
                    let status = Self.statuses.compactMap { $0 }.randomElement(using: &random)!
                    try await harness.desk.setStatus(status, of: id, by: DeskHarness.agent)
                case 80..<86:
                    guard let id = record.tickets.randomElement(using: &random) else { continue }
                    let agent = ([nil] + Self.agents.map(\.id)).randomElement(using: &random)!
                    try await harness.desk.assign(id, to: agent, by: DeskHarness.agent)
                case 86..<93:
                    harness.clock.advance(by: TimeInterval(Int.random(in: 0...5000, using: &random)))
                    try await harness.desk.processDueWork()
                default:
                    guard let source = record.tickets.randomElement(using: &random) else { continue }
                    let owner = record.owners[source]
                    let candidates = record.tickets.filter { $0 != source && record.owners[$0] == owner }
                    guard let target = candidates.randomElement(using: &random) else { continue }
                    try await harness.desk.merge(source, into: target, by: DeskHarness.agent)
                }
            } catch is LifecycleError {
                // The rules refused the step (a closed ticket, no change, not solved): fine, nothing changed.
            }
            if step % 10 == 9 {
                try await check(seed: seed, harness: harness, record: record, channels: [email, telegram])
            }
        }
        try await check(seed: seed, harness: harness, record: record, channels: [email, telegram])
    }

    private func memberMessage(
        step: Int,
        seed: UInt64,
        harness: DeskHarness,
        record: inout Record,
        random: inout SplitMix64
    ) async throws {
        if let earlier = record.delivered.randomElement(using: &random), Int.random(in: 0..<10, using: &random) == 0 {
            let again = try await harness.desk.receive(earlier)
            #expect(again.disposition == .duplicate, "seed \(seed) step \(step)")
            return
        }
        let sender = record.members.randomElement(using: &random)!
        var reference: String?
        switch Int.random(in: 0..<6, using: &random) {
        case 0: reference = nil
        case 1: reference = "thread-\(step)"
        case 2: reference = record.threads.randomElement(using: &random)
        case 3: reference = record.tickets.randomElement(using: &random).map { ThreadKey.ticket($0).rawValue }
        default:
            let own = record.tickets.filter { record.owners[$0] == sender }
            reference = own.randomElement(using: &random).map { ThreadKey.ticket($0).rawValue }
        }
        let inbound = InboundMessage(
            channel: Bool.random(using: &random) ? .email : .telegram,
            externalID: "ext-\(step)",
            sender: sender,
            threadReference: reference,
            body: "Message \(step) from \(sender)",
            receivedAt: harness.clock.now
        )
        let outcome = try await harness.desk.receive(inbound)
        record.delivered.append(inbound)
        #expect(outcome.ticket.requester == sender, "seed \(seed) step \(step): message attached to another's ticket")
        if let reference, !record.threads.contains(reference) { record.threads.append(reference) }
        if record.owners[outcome.ticket.id] == nil {
            record.tickets.append(outcome.ticket.id)
            record.owners[outcome.ticket.id] = sender
        }
    }

    private func check(seed: UInt64, harness: DeskHarness, record: Record, channels: [InMemoryChannel]) async throws {
        let all = try await harness.allTickets()
        var owners: [TicketID: MemberID] = [:]
        for stored in all { owners[stored.ticket.id] = stored.ticket.requester }
        #expect(owners == record.owners, "seed \(seed): tickets in the store differ from those received")

        // Every note is kept for the support side.
        let internalText = all.flatMap(\.ticket.messages).filter { $0.kind == .internalNote }.map(\.body)
        for note in record.notes {
            #expect(internalText.contains { $0.contains(note) }, "seed \(seed): note \(note) was lost")
        }

        for member in record.members {
            let views = try await harness.desk.memberTickets(of: member)
            let own = Set(owners.filter { $0.value == member }.keys)
            #expect(Set(views.map(\.id)) == own, "seed \(seed): \(member) lists tickets not theirs or misses some")
            #expect(views.count == own.count, "seed \(seed): \(member)")
            for view in views {
                let json = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
                #expect(!json.contains(Self.marker), "seed \(seed): \(member)'s view of \(view.id) shows a note")
                for other in record.members where other != member {
                    #expect(!json.contains("from \(other)"), "seed \(seed): \(member) sees \(other)'s message")
                }
            }
        }
        for (id, owner) in owners {
            guard let stranger = record.members.first(where: { $0 != owner }) else { continue }
            await expectDeskError(.notFound, "seed \(seed): \(stranger) reading \(id)") {
                _ = try await harness.desk.memberView(of: id, for: stranger)
            }
        }

        let outbox = await harness.storedOutbound()
        #expect(outbox.count == record.replies, "seed \(seed): one outbound message per reply")
        let sent = channels.flatMap(\.sentMessages)
        #expect(sent.count == outbox.count, "seed \(seed): every reply sent once")
        for message in outbox + sent {
            #expect(!message.body.contains(Self.marker), "seed \(seed): outbound \(message.id) carries a note")
            #expect(!message.subject.contains(Self.marker), "seed \(seed): outbound \(message.id) carries a note")
            #expect(
                message.recipient == message.ticketID.flatMap { owners[$0] },
                "seed \(seed): \(message.id) to a stranger"
            )
        }
    }
}
