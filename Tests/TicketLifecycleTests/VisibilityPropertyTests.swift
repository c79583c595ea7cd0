import Foundation
import Testing
import TicketLifecycle

/// Over random histories, no internal note's text ever reaches the member's view.
@Suite("Property: internal notes stay internal")
struct VisibilityPropertyTests {
    @Test("no internal note text appears in memberVisibleMessages", arguments: 0..<4)
    func notesNeverVisible(batch: Int) {
        var coverage = Coverage()
        var notesSeen = 0
        var mergedNotesSeen = 0
        for index in 0..<100 {
            let seed = 0x5EC2_E700_0000_0000 &+ UInt64(batch * 100 + index)
            runSequence(seed: seed, coverage: &coverage) { ticket, context in
                let notes = ticket.messages.filter { $0.kind == .internalNote }
                notesSeen = max(notesSeen, notes.count)
                mergedNotesSeen += notes.filter { $0.body.hasPrefix("\(secretMarker) merged") }.count
                let visible = ticket.memberVisibleMessages
                let noteTexts = Set(notes.map(\.body))
                #expect(
                    !visible.contains { $0.body.contains(secretMarker) || noteTexts.contains($0.body) },
                    "\(context): an internal note is visible to the member"
                )
                #expect(
                    visible.map(\.id) == ticket.messages.filter { $0.kind != .internalNote }.map(\.id),
                    "\(context): the member's view lost or reordered a visible message"
                )
            }
        }
        #expect(coverage.sequences == 100)
        #expect(notesSeen >= 3, "batch \(batch): histories hold too few internal notes to mean anything")
        #expect(mergedNotesSeen > 0, "batch \(batch): no internal note arrived through a merge")
    }
}
