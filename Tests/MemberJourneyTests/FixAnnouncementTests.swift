import Foundation
import MemberJourney
import Testing

@Suite("Fix announcements")
struct FixAnnouncementTests {
    func fix(id: FixID = "pricing-2026", note: String = "A cheaper yearly plan.") -> FixAnnouncement {
        FixAnnouncement(id: id, reason: .tooExpensive, note: note, announcedAt: at(day: 80))
    }

    @Test func aWellFormedFixValidates() throws {
        try fix().validate()
        try fix(id: "цены-2026", note: "Новый тариф дешевле.").validate()
        try fix(id: FixID(String(repeating: "f", count: 200))).validate()
        try fix(note: String(repeating: "n", count: FixAnnouncement.maximumNoteLength)).validate()
    }

    @Test(arguments: ["", " pricing", "pricing ", "pri\u{07}cing", "tab\there", String(repeating: "f", count: 201)])
    func aMalformedIDIsRejected(id: String) {
        expectJourneyError(.invalidFix, path: "id") { try fix(id: FixID(id)).validate() }
    }

    @Test(arguments: ["", " ", "\n\t  \n"])
    func anEmptyNoteIsRejected(note: String) {
        expectJourneyError(.invalidFix, path: "note") { try fix(note: note).validate() }
    }

    @Test func aNoteOverTheLimitIsRejected() {
        let long = String(repeating: "n", count: FixAnnouncement.maximumNoteLength + 1)
        let error = expectJourneyError(.invalidFix, path: "note") { try fix(note: long).validate() }
        #expect(error?.message.contains("1001") == true)
    }

    @Test func anAnnouncementRoundTripsThroughJSON() throws {
        let original = fix()
        let decoded = try JSONDecoder().decode(FixAnnouncement.self, from: JSONEncoder().encode(original))
        #expect(decoded == original)
    }
}
