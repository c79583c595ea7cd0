import Foundation

/// Writes JSON text for `Encodable` values straight into a byte buffer, as their `encode(to:)` runs:
/// the store's encoder for the `jsonb` documents it writes on every commit.
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values keyed by coding paths and then
/// writes the tree; this encoder writes each key and value the moment the conformance hands it over,
/// so nothing but the bytes is built. The values' own `Codable` conformances stay the single source
/// of truth: the text means exactly what `JSONEncoder()` with its default settings writes — the same
/// keys and values (key order and whitespace aside, which JSON and `jsonb` ignore):
///
/// - `Date` as its own `encode(to:)` writes it (seconds since the reference date, a number), `Data`
///   as a base64 string, `URL` as its `absoluteString`, `Decimal` as a number;
/// - numbers in their shortest form that reads back to the same value (`1.0` as `1`, like Foundation);
///   a `Float` or `Double` that is not finite throws `EncodingError.invalidValue`;
/// - a nested value that encodes nothing as `{}`; a top-level one throws, as Foundation does.
///
/// A stream can only follow containers used in order: writing into a container closes the deeper ones
/// still open. A conformance that writes into a container already closed, asks one encoder for two
/// different containers, writes a key twice or uses `superEncoder` cannot be streamed;
/// ``text(of:)`` then lets `JSONEncoder` write that value, so the answer is always Foundation's.
enum JSONTextEncoder {
    /// Thrown by ``bytes(of:)`` when a conformance uses its containers in a way a stream cannot follow.
    struct CannotStream: Error, CustomStringConvertible {
        /// What the conformance did.
        var reason: String

        /// The reason, for logs and test failures.
        var description: String { "cannot stream this value as JSON: \(reason)" }
    }

    /// The capacity the byte buffer starts with: a ticket snapshot with a short conversation fits.
    static let initialCapacity = 2_048

    /// The JSON text of `value`: streamed when its conformance allows, otherwise Foundation's
    /// `JSONEncoder` writes it.
    ///
    /// - Parameter value: The value.
    /// - Returns: The text, as `JSONEncoder()` would mean it.
    /// - Throws: What `JSONEncoder` throws for the value (`EncodingError.invalidValue` for a number
    ///   that is not finite, say), or what the value's `encode(to:)` throws.
    static func text<Value: Encodable>(of value: Value) throws -> String {
        do {
            return String(decoding: try bytes(of: value), as: UTF8.self)
        } catch {
            // Whatever the stream could not do — a container it cannot follow, a number JSON cannot
            // hold, a failing conformance — Foundation decides, so the text or the error is its own.
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        }
    }

    /// `text` as a JSON string: quoted, with `"`, `\` and the control characters escaped, as the
    /// encoder writes strings.
    static func quoted(_ text: String) -> String {
        var text = text
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        text.withUTF8 { JSONTextState.appendQuoted($0, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The JSON text of `value` as UTF-8 bytes, streamed, without falling back to Foundation.
    ///
    /// - Parameter value: The value.
    /// - Returns: The bytes.
    /// - Throws: ``CannotStream`` when the value's conformance uses its containers in a way a stream
    ///   cannot follow; `EncodingError.invalidValue` for a `Float` or `Double` that is not finite, or
    ///   for a top-level value that encodes nothing; what the value's `encode(to:)` throws.
    static func bytes<Value: Encodable>(of value: Value) throws -> [UInt8] {
        let writer = JSONTextWriter(capacity: initialCapacity)
        try writer.writeTopLevel(value)
        return writer.bytes
    }
}
