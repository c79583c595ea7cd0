import Foundation
import Moderation
import Testing

@Suite("Re-engagement")
struct ReengagementTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let build: @Sendable () throws -> MemberLedger
        let instant: Date
        let standing: Standing
        var testDescription: String { name }
    }

    static let suspending = ModerationPolicy(ladder: [.suspension(days: 10), .removal], forgivenessDays: 30)

    static let cases: [Case] = [
        Case(
            name: "no entries",
            build: { MemberLedger(member: member, isPaying: true) },
            instant: t0,
            standing: .inGoodStanding
        ),
        Case(
            name: "warned only",
            build: { try MemberLedger(member: member, isPaying: true).recording(rude(), at: t0) },
            instant: at(day: 1),
            standing: .inGoodStanding
        ),
        Case(
            name: "suspended",
            build: { try MemberLedger(member: member, isPaying: true).recording(rude(), at: t0, policy: suspending) },
            instant: at(day: 9),
            standing: .suspended(until: at(day: 10))
        ),
        Case(
            name: "suspension over",
            build: { try MemberLedger(member: member, isPaying: true).recording(rude(), at: t0, policy: suspending) },
            instant: at(day: 10),
            standing: .inGoodStanding
        ),
        Case(
            name: "removed",
            build: {
                try MemberLedger(member: member, isPaying: false)
                    .recording(rude(), at: t0, policy: suspending)
                    .recording(rude(), at: at(day: 1), policy: suspending)
            },
            instant: at(day: 500),
            standing: .removed
        ),
        Case(
            name: "removal pending",
            build: {
                try MemberLedger(member: member, isPaying: true)
                    .recording(rude(), at: t0, policy: suspending)
                    .recording(rude(), at: at(day: 1), policy: suspending)
            },
            instant: at(day: 2),
            standing: .pendingRemoval
        ),
    ]

    @Test(arguments: cases)
    func removedOrSuspendedGetNoWinBack(_ test: Case) throws {
        let ledger = try test.build()
        #expect(ledger.standing(at: test.instant) == test.standing)
        #expect(ledger.mayReceiveReengagement(at: test.instant) == (test.standing == .inGoodStanding))
    }

    @Test("a removal reversed by the owner allows re-engagement again")
    func reversedRemoval() throws {
        var ledger = try MemberLedger(member: member, isPaying: false)
            .recording(rude(.severe), at: t0)
            .recording(rude(), at: at(day: 1))
        #expect(!ledger.mayReceiveReengagement(at: at(day: 2)))
        ledger = try ledger.applying(ledger.reverse(entry: 2, by: owner, at: at(day: 2)))
        #expect(ledger.mayReceiveReengagement(at: at(day: 3)))
    }
}
