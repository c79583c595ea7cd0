import Foundation
import SupportCore

/// Everything moderation has done about one member, with a version for optimistic concurrency.
///
/// A ledger only changes by ``applying(_:)`` a ``ModerationDecision`` made against its current
/// ``version``; each change raises the version by one. Two moderators deciding on the same ledger
/// at once both decide against version `v`: the first decision applies, the second throws
/// ``ModerationError/Code/conflict``, and its moderator reloads the ledger and decides again. The
/// engine persists ledgers as JSON.
public struct MemberLedger: Sendable, Hashable, Codable {
    /// The member.
    public let member: MemberID
    /// Whether the member pays; removing a paying member needs the owner.
    public private(set) var isPaying: Bool
    /// Every action, oldest first, numbered from 1.
    public private(set) var entries: [LedgerEntry]
    /// The number of changes made to the ledger; decisions name the version they were made against.
    public private(set) var version: Int

    /// Creates an empty ledger at version 0.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - isPaying: Whether the member pays.
    public init(member: MemberID, isPaying: Bool) {
        self.member = member
        self.isPaying = isPaying
        self.entries = []
        self.version = 0
    }

    /// Restores a stored ledger, checking that it holds together.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - isPaying: Whether the member pays.
    ///   - entries: The entries, numbered from 1 in order.
    ///   - version: The stored version, at least the number of entries.
    /// - Throws: ``ModerationError`` with ``ModerationError/Code/invalidLedger`` naming the first bad
    ///   entry, such as `entries[3].target`.
    public init(member: MemberID, isPaying: Bool, entries: [LedgerEntry], version: Int) throws {
        self.member = member
        self.isPaying = isPaying
        self.entries = entries
        self.version = version
        try validate()
    }

    private enum CodingKeys: String, CodingKey {
        case member
        case isPaying
        case entries
        case version
    }

    /// Decodes and checks a stored ledger.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for malformed JSON, or ``ModerationError`` with
    ///   ``ModerationError/Code/invalidLedger``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            member: try container.decode(MemberID.self, forKey: .member),
            isPaying: try container.decode(Bool.self, forKey: .isPaying),
            entries: try container.decode([LedgerEntry].self, forKey: .entries),
            version: try container.decode(Int.self, forKey: .version)
        )
    }

    /// The entry with a number.
    ///
    /// - Parameter id: The entry's number.
    /// - Returns: The entry, or `nil`.
    public func entry(_ id: Int) -> LedgerEntry? {
        guard id >= 1, id <= entries.count else { return nil }
        return entries[id - 1]
    }

    /// The ledger with the member's paying state changed; the version rises when it changes, so
    /// decisions made under the old state conflict.
    ///
    /// - Parameter paying: Whether the member pays now.
    /// - Returns: The updated ledger.
    public func settingPaying(_ paying: Bool) -> MemberLedger {
        guard paying != isPaying else { return self }
        var copy = self
        copy.isPaying = paying
        copy.version += 1
        return copy
    }

    /// The ledger with a decision's entry appended and the version raised by one.
    ///
    /// - Parameter decision: A decision made against this ledger's current version.
    /// - Returns: The updated ledger.
    /// - Throws: ``ModerationError`` with ``ModerationError/Code/conflict`` when the ledger changed
    ///   since the decision was made (reload it and decide again), or
    ///   ``ModerationError/Code/memberMismatch`` for another member's decision.
    public func applying(_ decision: ModerationDecision) throws -> MemberLedger {
        guard decision.member == member else {
            throw ModerationError(
                .memberMismatch,
                "decision for member '\(decision.member)' cannot apply to the ledger of '\(member)'"
            )
        }
        guard decision.basedOnVersion == version else {
            throw ModerationError(
                .conflict,
                "the ledger of '\(member)' is at version \(version) but the \(decision.entry.action.rawValue) was decided "
                    + "at version \(decision.basedOnVersion); someone else acted first: reload the ledger and decide again"
            )
        }
        var copy = self
        var entry = decision.entry
        entry.id = entries.count + 1
        copy.entries.append(entry)
        copy.version += 1
        return copy
    }

    private func validate() throws {
        func fail(_ path: String, _ problem: String) -> ModerationError {
            ModerationError(.invalidLedger, "ledger of '\(member)' \(path): \(problem)")
        }
        for (index, entry) in entries.enumerated() {
            guard entry.id == index + 1 else {
                throw fail(
                    "entries[\(index)].id",
                    "expected \(index + 1), got \(entry.id); entries are numbered from 1 in order"
                )
            }
            if index > 0, entry.at < entries[index - 1].at {
                throw fail("entries[\(index)].at", "is earlier than the entry before it")
            }
            if entry.action.isPenalty {
                guard entry.violation != nil, entry.step != nil, entry.target == nil else {
                    throw fail(
                        "entries[\(index)]",
                        "a \(entry.action.rawValue) needs a violation and a step, and no target"
                    )
                }
                guard (entry.action == .suspension) == (entry.until != nil) else {
                    throw fail("entries[\(index)].until", "only a suspension has an end, and it must have one")
                }
            } else {
                guard let target = entry.target, let targeted = self.entry(target), target < entry.id,
                    targeted.action.isPenalty
                else {
                    throw fail("entries[\(index)].target", "a \(entry.action.rawValue) must name an earlier penalty")
                }
                if entry.action != .reversal, targeted.action != .pendingRemoval {
                    throw fail("entries[\(index)].target", "a \(entry.action.rawValue) must name a pending removal")
                }
            }
        }
        guard version >= entries.count else {
            throw fail("version", "\(version) is below the number of entries (\(entries.count))")
        }
    }
}

extension MemberLedger {
    /// The ledger with every note replaced by `marker` — the entries' notes and their violations'
    /// notes — for erasing a member's data. The actions, actors, times, steps and targets are kept, and
    /// the version is raised by one when a note changed, so a moderator deciding on the old ledger
    /// conflicts and reads the redacted one.
    ///
    /// - Parameter marker: The text that stands for what was erased.
    /// - Returns: The redacted ledger and how many entries changed.
    public func redacted(with marker: String) -> (ledger: MemberLedger, entries: Int) {
        var ledger = self
        var changed = 0
        ledger.entries = entries.map { entry in
            var entry = entry
            var touched = false
            if entry.note != marker, !entry.note.isEmpty {
                entry.note = marker
                touched = true
            }
            if var violation = entry.violation, violation.note != marker, !violation.note.isEmpty {
                violation.note = marker
                entry.violation = violation
                touched = true
            }
            if touched { changed += 1 }
            return entry
        }
        if changed > 0 { ledger.version += 1 }
        return (ledger, changed)
    }
}
