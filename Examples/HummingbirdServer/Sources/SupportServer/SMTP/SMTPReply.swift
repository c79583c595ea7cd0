import NIOCore

/// One SMTP reply: a three-digit code and its text lines (`250-first`, `250 last` make one reply).
public struct SMTPReply: Sendable, Hashable {
    /// The reply code, 200–599.
    public var code: Int
    /// The text of each line, without the code and separator.
    public var lines: [String]

    /// Creates a reply.
    ///
    /// - Parameters:
    ///   - code: The reply code.
    ///   - lines: The text lines.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The text, lines joined with spaces, at most 300 characters.
    public var text: String { String(lines.joined(separator: " ").prefix(300)) }
}

/// Splits the bytes an SMTP server sends into replies, joining the lines of a multi-line reply.
///
/// A line is ended by CRLF (a bare LF is taken too). A line longer than ``maximumLineBytes``, a line that
/// does not start with a code and a separator, a continuation with another code, or a reply of more than
/// ``maximumLines`` lines is a protocol violation: the decoder throws and the connection closes.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 allows 512 bytes; servers send longer, so allow more, but never without bound.
    static let maximumLineBytes = 4096
    static let maximumLines = 100

    private var pending: SMTPReply?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineBytes {
                throw SMTPError(.protocolViolation, step: "reply", "the server sent a line longer than 4096 bytes")
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard length <= Self.maximumLineBytes, var line = buffer.readBytes(length: length + 1) else {
            throw SMTPError(.protocolViolation, step: "reply", "the server sent a line longer than 4096 bytes")
        }
        line.removeLast()
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if let reply = try take(line) { context.fireChannelRead(wrapInboundOut(reply)) }
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// Adds a line to the reply being read; returns the reply when the line was its last.
    private mutating func take(_ line: [UInt8]) throws -> SMTPReply? {
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            let code = Int(String(decoding: digits, as: UTF8.self)), (200...599).contains(code)
        else {
            throw SMTPError(
                .protocolViolation,
                step: "reply",
                "the server sent '\(String(decoding: line.prefix(60), as: UTF8.self))', not an SMTP reply"
            )
        }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPError(.protocolViolation, step: "reply", "a reply line has '\(separator)' after its code")
        }
        let text = line.count > 4 ? String(decoding: line[4...], as: UTF8.self) : ""
        var reply = pending ?? SMTPReply(code: code, lines: [])
        guard reply.code == code else {
            throw SMTPError(.protocolViolation, step: "reply", "a multi-line reply changed its code from \(reply.code)")
        }
        reply.lines.append(text)
        guard reply.lines.count <= Self.maximumLines else {
            throw SMTPError(.protocolViolation, step: "reply", "a reply has more than \(Self.maximumLines) lines")
        }
        if separator == UInt8(ascii: "-") {
            pending = reply
            return nil
        }
        pending = nil
        return reply
    }
}

/// The bytes of the `DATA` step: the message with CRLF line breaks, every line that starts with `.`
/// given one more (dot-stuffing, RFC 5321 4.5.2), and the closing `CRLF . CRLF`.
///
/// - Parameter message: The message, CRLF or bare LF or CR line breaks.
/// - Returns: What to write after the server's 354.
public func smtpDataPayload(_ message: [UInt8]) -> [UInt8] {
    let cr = UInt8(ascii: "\r")
    let lf = UInt8(ascii: "\n")
    let dot = UInt8(ascii: ".")
    var out: [UInt8] = []
    out.reserveCapacity(message.count + message.count / 50 + 8)
    var atLineStart = true
    var index = 0
    while index < message.count {
        let byte = message[index]
        if byte == cr || byte == lf {
            out.append(cr)
            out.append(lf)
            // CRLF is one break; a bare CR or LF is one too.
            index += (byte == cr && index + 1 < message.count && message[index + 1] == lf) ? 2 : 1
            atLineStart = true
            continue
        }
        if atLineStart && byte == dot { out.append(dot) }
        out.append(byte)
        atLineStart = false
        index += 1
    }
    if !atLineStart { out += [cr, lf] }
    out += [dot, cr, lf]
    return out
}
