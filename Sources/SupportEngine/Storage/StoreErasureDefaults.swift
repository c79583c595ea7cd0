// The erasure requirements came after the first adapters were written. An adapter that has not
// implemented them refuses, loudly and before anything changes: an erasure is never reported done by a
// store that did not do it. The readers return what such a store truly holds: no erasure records.

extension StoreError {
    /// The refusal of an adapter that does not implement erasure.
    static func erasureUnsupported(_ store: Any, _ what: String) -> StoreError {
        StoreError(
            .unsupported,
            "\(type(of: store)) does not implement \(what), so it cannot erase a member's data; implement it "
                + "and pass the erasure conformance checks before offering erasure"
        )
    }
}

extension TicketStore {
    /// Refuses: this adapter does not implement erasure.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: Never.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unsupported``, always.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        throw StoreError.erasureUnsupported(self, "TicketStore.eraseMember(_:redaction:)")
    }
}

extension PolicyLedgerStore {
    /// Refuses: this adapter does not implement erasure records.
    ///
    /// - Parameter erasure: The record.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unsupported``, always.
    public func recordErasure(_ erasure: MemberErasure) async throws {
        throw StoreError.erasureUnsupported(self, "PolicyLedgerStore.recordErasure(_:)")
    }

    /// No record: this adapter cannot hold erasure records.
    ///
    /// - Parameter member: The member.
    /// - Returns: `nil`.
    public func erasure(of member: MemberID) async throws -> MemberErasure? { nil }

    /// None: this adapter cannot hold erasure records.
    ///
    /// - Parameter limit: The most to return.
    /// - Returns: An empty list.
    public func unfinishedErasures(limit: Int) async throws -> [MemberErasure] { [] }

    /// Refuses: this adapter does not implement erasure.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: Never.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unsupported``, always.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        throw StoreError.erasureUnsupported(self, "PolicyLedgerStore.eraseMember(_:redaction:)")
    }
}

extension MemberJourneyStore {
    /// Refuses: this adapter does not implement erasure.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: Never.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unsupported``, always.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        throw StoreError.erasureUnsupported(self, "MemberJourneyStore.eraseMember(_:redaction:)")
    }
}

extension RatingStore {
    /// Refuses: this adapter does not implement erasure.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: Never.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unsupported``, always.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        throw StoreError.erasureUnsupported(self, "RatingStore.eraseMember(_:redaction:)")
    }
}
