import Foundation

/// Tags ``FixID``.
public enum FixTag: Sendable {}
/// Identifies one fix the owner announced, such as `"pricing-2026-12"`: the same id announced twice
/// is one fix, and sends nothing the second time.
public typealias FixID = Identifier<FixTag>

/// The owner's word that a reason members left for is fixed: what the win-back message tells them.
public struct FixAnnouncement: Sendable, Hashable, Codable, Identifiable {
    /// The fix's id, chosen by the owner; announcing the same id again changes nothing.
    public var id: FixID
    /// The exit reason it answers.
    public var reason: ExitReason
    /// A short note in the owner's words: what changed.
    public var note: String
    /// When it was announced.
    public var announcedAt: Date

    /// The longest note, in characters.
    public static let maximumNoteLength = 1_000

    /// Creates an announcement.
    ///
    /// - Parameters:
    ///   - id: The fix's id.
    ///   - reason: The exit reason it answers.
    ///   - note: What changed, in a sentence or two.
    ///   - announcedAt: When it was announced.
    public init(id: FixID, reason: ExitReason, note: String, announcedAt: Date) {
        self.id = id
        self.reason = reason
        self.note = note
        self.announcedAt = announcedAt
    }

    /// Checks the id and the note.
    ///
    /// - Throws: ``JourneyError`` with ``JourneyError/Code/invalidFix``: an id that is not well formed,
    ///   an empty note, or a note over ``maximumNoteLength`` characters.
    public func validate() throws {
        guard id.isWellFormed else {
            throw JourneyError(.invalidFix, "id: '\(id)' must be 1 to 200 printable characters")
        }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw JourneyError(.invalidFix, "note: say in a sentence what changed; it goes to the members who left")
        }
        guard note.count <= Self.maximumNoteLength else {
            throw JourneyError(
                .invalidFix,
                "note: \(note.count) characters is over the limit of \(Self.maximumNoteLength)"
            )
        }
    }
}
