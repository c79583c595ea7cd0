import Foundation
import Moderation
import Testing

@Suite("Moderation JSON")
struct ModerationCodingTests {
    @Test("the documented policy decodes, defaults the starting steps, and round-trips")
    func policyExample() throws {
        let json = """
            {
              "ladder": [
                {"action": "warning"},
                {"action": "finalWarning"},
                {"action": "suspension", "days": 7},
                {"action": "removal"}
              ],
              "forgivenessDays": 180,
              "startingStep": {"minor": 0, "major": 1, "severe": 3}
            }
            """
        let policy = try JSONDecoder().decode(ModerationPolicy.self, from: Data(json.utf8))
        #expect(policy.ladder == [.warning, .finalWarning, .suspension(days: 7), .removal])
        #expect(policy.startingStep.index(for: .severe) == 3)
        #expect(try JSONDecoder().decode(ModerationPolicy.self, from: JSONEncoder().encode(policy)) == policy)
        let plain = #"{"ladder": [{"action": "warning"}, {"action": "removal"}], "forgivenessDays": 30}"#
        let minimal = try JSONDecoder().decode(ModerationPolicy.self, from: Data(plain.utf8))
        #expect(minimal.startingStep == .init(minor: 0, major: 0, severe: 0))
        #expect(
            try JSONDecoder().decode(ModerationPolicy.self, from: JSONEncoder().encode(ModerationPolicy.standard))
                == .standard
        )
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let json: String
        let path: String
        var testDescription: String { path }
    }

    @Test(
        arguments: [
            Invalid(json: #"{"ladder": [], "forgivenessDays": 30}"#, path: "ladder"),
            Invalid(json: #"{"ladder": [{"action": "warning"}], "forgivenessDays": 30}"#, path: "ladder[0]"),
            Invalid(
                json: #"{"ladder": [{"action": "removal"}, {"action": "warning"}], "forgivenessDays": 30}"#,
                path: "ladder[0]"
            ),
            Invalid(
                json: #"{"ladder": [{"action": "suspension"}, {"action": "removal"}], "forgivenessDays": 30}"#,
                path: "ladder[0].days"
            ),
            Invalid(
                json: #"{"ladder": [{"action": "warning", "days": 3}, {"action": "removal"}], "forgivenessDays": 30}"#,
                path: "ladder[0].days"
            ),
            Invalid(json: #"{"ladder": [{"action": "removal"}], "forgivenessDays": 0}"#, path: "forgivenessDays"),
            Invalid(
                json:
                    #"{"ladder": [{"action": "removal"}], "forgivenessDays": 9, "startingStep": {"minor": 0, "major": 0, "severe": 1}}"#,
                path: "startingStep.severe"
            ),
        ]
    )
    func validationNamesThePath(_ test: Invalid) throws {
        let error = try #require(throws: ModerationError.self) {
            try JSONDecoder().decode(ModerationPolicy.self, from: Data(test.json.utf8))
        }
        #expect(error.code == .invalidPolicy)
        #expect(error.message.hasPrefix(test.path + ":"), "\(error.message)")
    }

    @Test("a ledger round-trips through JSON, version and all")
    func ledgerRoundTrip() throws {
        var ledger = MemberLedger(member: member, isPaying: true)
        ledger = try ledger.recording(rude(), at: t0)
        ledger = try ledger.applying(ledger.reverse(entry: 1, by: agent, at: at(day: 1), note: "wrong member"))
        ledger = try ledger.recording(Violation(.spam, severity: .severe, ticket: "T-2"), by: .system, at: at(day: 2))
        let data = try JSONEncoder().encode(ledger)
        let decoded = try JSONDecoder().decode(MemberLedger.self, from: data)
        #expect(decoded == ledger)
        #expect(decoded.version == 3)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""role":"system""#))
        #expect(text.contains(#""kind":"spam""#))
    }

    @Test("a stored ledger that does not hold together is refused")
    func invalidLedger() throws {
        let stray = LedgerEntry(id: 1, action: .reversal, actor: agent, at: t0, target: 1)
        let error = try #require(throws: ModerationError.self) {
            try MemberLedger(member: member, isPaying: false, entries: [stray], version: 1)
        }
        #expect(error.code == .invalidLedger)
        #expect(error.message.contains("entries[0].target"))
        let warning = LedgerEntry(id: 2, action: .warning, actor: agent, at: t0, violation: rude(), step: 0)
        let numbering = try #require(throws: ModerationError.self) {
            try MemberLedger(member: member, isPaying: false, entries: [warning], version: 1)
        }
        #expect(numbering.message.contains("entries[0].id"))
        let fine = LedgerEntry(id: 1, action: .warning, actor: agent, at: t0, violation: rude(), step: 0)
        let lowVersion = try #require(throws: ModerationError.self) {
            try MemberLedger(member: member, isPaying: false, entries: [fine], version: 0)
        }
        #expect(lowVersion.message.contains("version"))
    }
}
