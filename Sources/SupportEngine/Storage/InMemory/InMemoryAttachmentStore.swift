import Foundation

/// An ``AttachmentStore`` in memory, for tests, demos and simulations.
public actor InMemoryAttachmentStore: AttachmentStore {
    private var contents: [String: AttachmentContent] = [:]

    /// Creates an empty store.
    public init() {}

    /// Stores content under its hash; content already stored is left as it is.
    ///
    /// - Parameter content: The bytes with their hash.
    public func put(_ content: AttachmentContent) {
        if contents[content.contentHash] == nil { contents[content.contentHash] = content }
    }

    /// The content stored under a hash.
    ///
    /// - Parameter contentHash: The SHA-256 in lowercase hex.
    /// - Returns: The content, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a malformed hash.
    public func content(withHash contentHash: String) throws -> AttachmentContent? {
        try validateHash(contentHash)
        return contents[contentHash]
    }

    /// Removes the content stored under a hash.
    ///
    /// - Parameter contentHash: The SHA-256 in lowercase hex.
    /// - Returns: Whether there was content to remove.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a malformed hash.
    @discardableResult
    public func delete(contentHash: String) throws -> Bool {
        try validateHash(contentHash)
        return contents.removeValue(forKey: contentHash) != nil
    }

    /// How many distinct contents the store holds.
    public var count: Int { contents.count }

    /// How many bytes the store holds, each content counted once.
    public var totalBytes: Int { contents.values.reduce(0) { $0 + $1.byteSize } }
}
