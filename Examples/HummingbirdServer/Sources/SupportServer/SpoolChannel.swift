import Foundation
import SupportEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A channel that hands each message to a spool file, one JSON line per send, for a relay that picks
/// them up (a mail pickup directory, a queue worker) — and for the multi-server kill test, which reads
/// what was really sent.
///
/// A line is written with one `write` on a descriptor opened with `O_APPEND` and flushed with `fsync`
/// before the send returns, so a line is either whole in the file or the send failed; a server killed
/// after the line but before the desk recorded the send sends the message again with the same
/// `idempotencyKey`, which the relay uses to drop the repeat.
public final class SpoolChannel: SupportEngine.Channel {
    /// The kind of channel this stands in for.
    public let kind: ChannelKind
    /// The spool file.
    public let path: String
    private let descriptor: Int32

    /// One line of the spool.
    public struct Line: Codable, Sendable, Hashable {
        /// The key a relay drops repeats by: the outbound message id.
        public var idempotencyKey: String
        /// The ticket the message belongs to, if any.
        public var ticket: String?
        /// Who it is for: the member, or a staff alert's address.
        public var recipient: String
        /// The channel kind.
        public var channel: String
        /// The message's subject.
        public var subject: String
        /// When the server wrote the line (seconds since 1970).
        public var at: Double
    }

    /// Opens (or creates) the spool file for appending.
    ///
    /// - Parameters:
    ///   - kind: The kind of channel it stands in for.
    ///   - path: The spool file.
    /// - Throws: ``APIError`` when the file cannot be opened.
    public init(kind: ChannelKind, path: String) throws {
        self.kind = kind
        self.path = path
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw APIError(
                .internalServerError,
                "invalid_setting",
                "OUTBOUND_SPOOL: cannot open '\(path)' for appending (errno \(errno))"
            )
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends the message's line and flushes it to disk.
    ///
    /// - Parameter message: The message.
    /// - Returns: A receipt naming the line's key.
    /// - Throws: An error when the line could not be written whole; the desk retries.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        let line = Line(
            idempotencyKey: message.idempotencyKey,
            ticket: message.ticketID?.rawValue,
            recipient: message.staffAddress?.address ?? message.recipient.rawValue,
            channel: kind.rawValue,
            subject: message.subject,
            at: Date().timeIntervalSince1970
        )
        var bytes = Array(try JSONEncoder().encode(line))
        bytes.append(UInt8(ascii: "\n"))
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw APIError(.internalServerError, "spool_failed", "could not append to the spool \(path)")
        }
        return DeliveryReceipt(externalID: "spool-\(message.idempotencyKey)", at: Date())
    }
}
