import TicketLifecycle

/// The one rule every store applies to the text it keeps: no NUL character (U+0000).
///
/// PostgreSQL's `text` and `jsonb` cannot hold U+0000 (SQLSTATE `22P05`/`22021`), so a store on it
/// would fail where the in-memory store succeeds. ``TicketCommit/validateShape()`` refuses such text
/// for every store, and the desk refuses it at intake with ``DeskError/Code/invalidInput``.
enum StoredText {
    /// Whether the text holds a NUL character.
    static func hasNUL(_ text: String) -> Bool {
        ByteSearch.contains(0, in: text)
    }

    /// The message for a refused text.
    static func nulMessage(_ what: String) -> String {
        "\(what) contains a NUL character (U+0000), which no store keeps; remove it and send the text again"
    }
}

extension TicketWrite {
    /// Checks that no text in the events of a write holds a NUL character.
    ///
    /// Static, taking the write's events and its ticket's id rather than the write: a method on a write
    /// read from an array copied the whole write (every reference of its ticket) before reading its events.
    ///
    /// - Parameters:
    ///   - events: The write's events.
    ///   - id: The write's ticket, for the error's message.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidCommit`` naming the ticket.
    static func validateTexts(of events: [TicketEvent], ticket id: TicketID) throws {
        for index in events.indices {
            let bad: Bool
            switch events[index].change {
            case .created(let creation):
                bad =
                    StoredText.hasNUL(creation.subject) || StoredText.hasNUL(creation.firstMessage.body)
            case .messageAdded(let message):
                bad =
                    StoredText.hasNUL(message.body)
                    || message.attachments.contains {
                        StoredText.hasNUL($0.fileName) || StoredText.hasNUL($0.mediaType)
                    }
            case .mergeReceived(_, let messages):
                bad = messages.contains { StoredText.hasNUL($0.body) }
            case .tagsChanged(let added, _):
                bad = added.contains(where: StoredText.hasNUL)
            default:
                bad = false
            }
            if bad {
                throw StoreError(
                    .invalidCommit,
                    StoredText.nulMessage("event \(events[index].sequence) of ticket \(id)")
                )
            }
        }
    }
}
