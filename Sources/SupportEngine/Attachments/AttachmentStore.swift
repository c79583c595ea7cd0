import Foundation

/// Where the bytes of attached files live, each content once, under its SHA-256.
///
/// Tickets keep only a `TicketAttachment` record naming the hash; the bytes are here. The desk puts
/// the bytes before it commits the ticket that names them, so a crash between the two leaves at worst
/// bytes no ticket names, never a ticket naming bytes that are missing.
///
/// The contract, which `SupportEngineTesting`'s `AttachmentStoreConformance` checks:
/// - ``put(_:)`` of content already stored changes nothing (one copy, however many messages carry it,
///   also when several desks put it at once);
/// - ``content(withHash:)`` returns exactly the bytes put, or `nil`;
/// - ``delete(contentHash:)`` removes the one copy (for erasure), and a later put stores it again;
/// - a hash that is not 64 lowercase hex digits is refused with ``StoreError/Code/invalidQuery``.
public protocol AttachmentStore: Sendable {
    /// Stores content under its hash; content already stored is left as it is.
    ///
    /// - Parameter content: The bytes with their hash.
    /// - Throws: ``StoreError`` when the store fails (``StoreError/Code/unavailable``); the content may or
    ///   may not stand then, and putting it again is safe.
    func put(_ content: AttachmentContent) async throws

    /// The content stored under a hash.
    ///
    /// - Parameter contentHash: The SHA-256 in lowercase hex.
    /// - Returns: The content, or `nil` when none is stored under the hash.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a malformed hash, or when the
    ///   store fails.
    func content(withHash contentHash: String) async throws -> AttachmentContent?

    /// Removes the content stored under a hash.
    ///
    /// - Parameter contentHash: The SHA-256 in lowercase hex.
    /// - Returns: Whether there was content to remove.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a malformed hash, or when the
    ///   store fails.
    @discardableResult
    func delete(contentHash: String) async throws -> Bool
}

extension AttachmentStore {
    /// Checks a hash as every store does before using it.
    ///
    /// - Parameter contentHash: The hash.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` unless it is 64 lowercase hex digits.
    public func validateHash(_ contentHash: String) throws {
        guard TicketAttachment.isWellFormedHash(contentHash) else {
            throw StoreError(
                .invalidQuery,
                "'\(contentHash.prefix(80))' is not a content hash: use the SHA-256 as 64 lowercase hex digits"
            )
        }
    }
}
