import Foundation

/// The bytes of an attached file together with their SHA-256, computed here so the two always agree.
///
/// An ``AttachmentStore`` keeps contents under their ``contentHash``; the hash is worked out from the
/// bytes when the value is made, never taken from outside, so a store cannot be handed a hash that
/// names other bytes.
public struct AttachmentContent: Sendable, Hashable {
    /// The bytes.
    public let bytes: [UInt8]
    /// The SHA-256 of ``bytes``, as 64 lowercase hex digits.
    public let contentHash: String

    /// Wraps bytes, computing their hash.
    ///
    /// - Parameter bytes: The file's bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.contentHash = SHA256Digest.hex(of: bytes)
    }

    /// Wraps bytes, computing their hash.
    ///
    /// - Parameter data: The file's bytes.
    public init(_ data: Data) {
        self.init([UInt8](data))
    }

    /// Wraps bytes whose hash this library already computed with `SHA256Digest` (an email attachment's).
    init(_ bytes: [UInt8], contentHash: String) {
        self.bytes = bytes
        self.contentHash = contentHash
    }

    /// The number of bytes.
    public var byteSize: Int { bytes.count }
}
