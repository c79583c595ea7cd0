import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A small seeded generator (PolicyRandom) for repeatable random runs.
private struct PolicyRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

@Suite("Moderation under concurrent staff")
struct ModerationPropertyTests {
    private enum Step: Sendable {
        case report(Int)
        case reverse(Int)
        case approve
        case decline
    }

    @Test(arguments: 0..<12)
    func concurrentStaffNeverPenalizeAMessageTwiceAndEveryStepIsToldOnce(seed: Int) async throws {
        var random = PolicyRandom(state: UInt64(seed) &* 7919)
        let harness = PolicyDeskHarness()
        let member: MemberID = seed % 2 == 0 ? "anna" : "boris"
        let (ticket, first) = try await harness.open(member, body: "message 0")
        var messages = [first]
        for index in 1..<5 {
            messages.append(try await harness.write(member, on: ticket, body: "message \(index)", id: "M-p\(index)"))
        }
        let desk = harness.desk
        for _ in 0..<8 {
            harness.clock.advance(by: 3600)
            let steps: [Step] = (0..<(2 + random.below(2))).map { _ in
                switch random.below(6) {
                case 0, 1, 2: .report(random.below(messages.count))
                case 3: .reverse(1 + random.below(6))
                case 4: .approve
                default: .decline
                }
            }
            let picked = messages
            await withTaskGroup(of: Void.self) { group in
                for (index, step) in steps.enumerated() {
                    group.addTask {
                        do {
                            switch step {
                            case .report(let number):
                                try await desk.moderation.report(
                                    on: ticket,
                                    message: picked[number],
                                    violation: Violation(.rudeness),
                                    by: .agent(AgentID("agent-\(index)"))
                                )
                            case .reverse(let entry):
                                try await desk.moderation.reverse(of: member, entry: entry, by: .owner("olga"))
                            case .approve:
                                try await desk.moderation.approveRemoval(of: member, by: .owner("olga"))
                            case .decline:
                                try await desk.moderation.declineRemoval(of: member, by: .owner("olga"))
                            }
                        } catch let error as DeskError {
                            #expect(error.code == .conflict, "seed \(seed): \(error)")
                        } catch is ModerationError {
                            // The ladder refused a step that no longer applies (nothing pending, already reversed).
                        } catch {
                            Issue.record("seed \(seed): unexpected \(error)")
                        }
                    }
                }
            }
        }

        let ledger = try #require(try await desk.moderation.ledger(of: member), "seed \(seed)")
        // The ledger holds together as a stored ledger would be checked.
        let restored = try MemberLedger(
            member: member,
            isPaying: ledger.isPaying,
            entries: ledger.entries,
            version: ledger.version
        )
        #expect(restored == ledger, "seed \(seed)")
        for message in messages {
            let live = ledger.entries.filter {
                $0.action.isPenalty && $0.message == message && ledger.reversal(of: $0.id) == nil
            }
            #expect(live.count <= 1, "seed \(seed): message \(message) carries \(live.map(\.action))")
        }
        let told: Set<ModerationAction> = [.warning, .finalWarning, .suspension, .removal, .reversal, .removalApproved]
        let automatic = try await harness.automaticMessages(of: ticket)
        #expect(automatic.count == ledger.entries.filter { told.contains($0.action) }.count, "seed \(seed)")
        #expect(try await harness.notes(of: ticket).count == ledger.entries.count, "seed \(seed)")
        #expect(harness.email.sentMessages.count == automatic.count, "seed \(seed)")
        let expected = ledger.mayReceiveReengagement(at: harness.clock.now)
        #expect(try await desk.moderation.mayReceiveReengagement(member) == expected, "seed \(seed)")
    }
}
