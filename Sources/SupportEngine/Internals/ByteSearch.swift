import Foundation

/// Finds a byte in text with the C library's `memchr`, which reads many bytes per step.
///
/// Every inbound message's texts are searched for NUL and for the ticket-number prefix;
/// `utf8.contains(_:)` walks them one byte at a time through an iterator.
enum ByteSearch {
    /// Whether the text's UTF-8 holds `byte`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in found(byte, in: bytes) } ?? text.utf8.contains(byte)
    }

    /// Whether the text's UTF-8 holds `byte`.
    static func contains(_ byte: UInt8, in text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in found(byte, in: bytes) } ?? text.utf8.contains(byte)
    }

    private static func found(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }
}
