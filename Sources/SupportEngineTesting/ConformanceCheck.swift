import SupportEngine

/// One named check of a store contract, run against an empty store of type `Store`.
///
/// `TicketStoreConformance.Check`, `PolicyLedgerStoreConformance.Check`,
/// `MemberJourneyStoreConformance.Check`, `RatingStoreConformance.Check` and `AttachmentStoreConformance.Check` are
/// this type for their protocols.
public struct ConformanceCheck<Store: Sendable>: Sendable, CustomStringConvertible {
    /// The check's name.
    public let name: String
    private let body: @Sendable (Store, ConformanceExpect) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (Store, ConformanceExpect) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the check against an empty store.
    ///
    /// - Parameter store: A store with nothing in it.
    /// - Throws: ``ConformanceFailure`` when the store breaks the contract, or the store's own error
    ///   when it fails where it should not.
    public func run(against store: Store) async throws {
        try await body(store, ConformanceExpect(check: name))
    }

    /// The check's name.
    public var description: String { name }
}
