import Foundation
import Moderation
import Testing

/// A small seeded generator (SplitMix64) for model tests.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}

@Suite("Moderation model")
struct ModerationModelTests {
    /// Several moderators act on copies of one ledger that may be stale: violations, reversals,
    /// owner approvals and declines, paying-state changes. The store keeps the one true ledger.
    @Test("stale decisions always conflict; paying members are only removed by the owner; steps never skip")
    func randomModerators() throws {
        var conflicts = 0
        var applied = 0
        for run in 0..<60 {
            let seed = UInt64(0xBADC0DE) &+ UInt64(run) &* 104_729
            var random = SplitMix64(seed: seed)
            let policy =
                random.chance(50)
                ? ModerationPolicy.standard
                : ModerationPolicy(
                    ladder: [.warning, .suspension(days: random.int(1...20)), .finalWarning, .removal],
                    forgivenessDays: random.int(5...60),
                    startingStep: .init(minor: 0, major: random.int(0...1), severe: random.int(1...3))
                )
            let moderators: [SupportActor] = [.agent("a-1"), .agent("a-2"), .system, owner]
            var stored = MemberLedger(member: member, isPaying: random.chance(50))
            var views = Array(repeating: stored, count: moderators.count)
            var clock = 0.0

            for step in 0..<80 {
                clock += Double(random.int(0...48)) / 8
                let now = at(day: clock)
                let who = random.int(0...(moderators.count - 1))
                if random.chance(40) { views[who] = stored }
                let view = views[who]
                let actor = moderators[who]

                if random.chance(5) {
                    stored = stored.settingPaying(!stored.isPaying)
                    continue
                }
                let decision: ModerationDecision
                do {
                    switch random.int(0...9) {
                    case 0...5:
                        let severity = Severity.allCases[random.int(0...2)]
                        decision = try policy.decide(violation: rude(severity), ledger: view, actor: actor, at: now)
                    case 6...7 where !view.entries.isEmpty:
                        decision = try view.reverse(entry: random.int(1...view.entries.count), by: actor, at: now)
                    case 8:
                        decision = try view.approvePendingRemoval(by: actor, at: now)
                    default:
                        decision = try view.declinePendingRemoval(by: actor, at: now)
                    }
                } catch let error as ModerationError {
                    // Refusals are fine; they must never be conflicts (those come from applying).
                    #expect(error.code != .conflict, "seed \(seed) step \(step): \(error)")
                    continue
                }

                let isStale = decision.basedOnVersion != stored.version
                do {
                    let before = stored
                    stored = try stored.applying(decision)
                    applied += 1
                    #expect(!isStale, "seed \(seed) step \(step): a stale decision applied")
                    #expect(stored.version == before.version + 1, "seed \(seed) step \(step)")
                    views[who] = stored
                    if before.isPaying, decision.entry.action == .removal {
                        #expect(actor.role == .owner, "seed \(seed) step \(step): paying member removed by \(actor)")
                    }
                    if decision.entry.action.isPenalty {
                        let counted = policy.countingEntries(in: before, at: now).compactMap(\.step)
                        let expectedFloor = min((counted.max() ?? -1) + 1, policy.ladder.count - 1)
                        #expect((decision.entry.step ?? -1) >= expectedFloor, "seed \(seed) step \(step): skipped down")
                    }
                } catch let error as ModerationError {
                    #expect(isStale && error.code == .conflict, "seed \(seed) step \(step): \(error)")
                    conflicts += 1
                }

                for entry in stored.entries where entry.action == .removalApproved || entry.action == .removalDeclined {
                    #expect(entry.actor.role == .owner, "seed \(seed) step \(step)")
                }
                let standing = stored.standing(at: now)
                #expect(
                    stored.mayReceiveReengagement(at: now) == (standing == .inGoodStanding),
                    "seed \(seed) step \(step)"
                )
            }
            let restored = try JSONDecoder().decode(MemberLedger.self, from: JSONEncoder().encode(stored))
            #expect(restored == stored, "seed \(seed)")
        }
        #expect(conflicts > 100, "conflicts: \(conflicts)")
        #expect(applied > 1000, "applied: \(applied)")
    }
}
