import NIOCore
import NIOPosix
import SupportEngine

/// A `MailTransport` that speaks SMTP to one server (a local relay such as Postfix, or a provider's
/// submission port behind a TLS tunnel), on SwiftNIO.
///
/// One connection per message: greeting, `EHLO` (`HELO` when the server does not know `EHLO`),
/// `MAIL FROM` with the envelope sender the desk computes (its VERP return path when
/// `EmailDeskSettings.bounceAddress` is set), `RCPT TO` for each recipient, `DATA` with the message
/// dot-stuffed and in CRLF lines, `QUIT`. Each step waits at most ``SMTPSettings/timeout`` (the data one
/// second more per 64 KiB of message).
///
/// - A 4xx reply, a timeout, a closed connection or a broken reply throws ``SMTPError``: the desk retries.
/// - A 5xx reply throws ``SMTPRejection``, an `UndeliverableError`: the desk falls back to the member's
///   next channel at once.
/// - Once the server accepted the message (250 after the data), nothing throws: a failing `QUIT` must
///   not make the desk send the message twice.
///
/// No TLS and no authentication: point it at a relay on the same host or network that does both.
public struct SMTPMailTransport: MailTransport {
    /// Where it connects and how long it waits.
    public let settings: SMTPSettings
    private let group: any EventLoopGroup

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - settings: The server and timeouts.
    ///   - group: The event loops to connect on; NIO's shared ones by default.
    public init(settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.group = group
    }

    /// Sends one message.
    ///
    /// - Parameter email: The message and its envelope.
    /// - Throws: ``SMTPError`` for a failure worth retrying, ``SMTPRejection`` for a refusal.
    public func send(_ email: RenderedEmail) async throws {
        let channel = try await connect()
        let watchdog = SMTPWatchdog(channel: channel.channel, timeout: settings.timeout)
        do {
            try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(
                    replies: inbound.makeAsyncIterator(),
                    outbound: outbound,
                    watchdog: watchdog
                )
                try await session.deliver(email, helloName: settings.helloName)
            }
            await watchdog.disarm()
        } catch {
            await watchdog.disarm()
            throw await Self.classify(error, watchdog: watchdog)
        }
    }

    /// The error to throw for what the conversation threw: ``SMTPError`` or ``SMTPRejection`` as they
    /// are, a timeout when the watchdog closed the connection, a closed connection otherwise.
    private static func classify(_ error: any Error, watchdog: SMTPWatchdog) async -> any Error {
        switch error {
        case let error as SMTPError:
            return error
        case let error as SMTPRejection:
            return error
        default:
            if await watchdog.fired {
                return SMTPError(.timeout, step: "reply", "the server did not answer within \(watchdog.timeout)")
            }
            return SMTPError(.connectionClosed, step: "connection", "the connection failed: \(error)")
        }
    }

    private func connect() async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(settings.timeout.timeAmount)
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError(
                .connectionFailed,
                step: "connect",
                "cannot connect to \(settings.host):\(settings.port): \(error)"
            )
        }
    }
}

/// One SMTP conversation on an open connection.
struct SMTPSession {
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let watchdog: SMTPWatchdog

    mutating func deliver(_ email: RenderedEmail, helloName: String) async throws {
        try await expect(200...299, step: "greeting")
        let hello = try await command("EHLO \(helloName)", step: "EHLO")
        if (500...504).contains(hello.code) {
            // A server from before ESMTP.
            try check(try await command("HELO \(helloName)", step: "HELO"), 200...299, step: "HELO")
        } else {
            try check(hello, 200...299, step: "EHLO")
        }
        try check(try await command("MAIL FROM:<\(email.from)>", step: "MAIL FROM"), 200...299, step: "MAIL FROM")
        for recipient in email.recipients {
            try check(try await command("RCPT TO:<\(recipient)>", step: "RCPT TO"), 250...251, step: "RCPT TO")
        }
        try check(try await command("DATA", step: "DATA"), 354...354, step: "DATA")
        // A large message takes longer to write: one more second per 64 KiB.
        await watchdog.arm(extra: .seconds(email.bytes.count / 65_536))
        try await outbound.write(ByteBuffer(bytes: smtpDataPayload(email.bytes)))
        try await expect(200...299, step: "end of data")
        // Accepted: from here on nothing may fail the send.
        try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        await watchdog.arm()
        _ = try? await replies.next()
        await watchdog.disarm()
    }

    /// Writes a command line and reads its reply.
    private mutating func command(_ line: String, step: String) async throws -> SMTPReply {
        guard !line.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) else {
            throw SMTPError(.protocolViolation, step: step, "the command would contain a line break")
        }
        await watchdog.arm()
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await reply(step: step)
    }

    private mutating func expect(_ accepted: ClosedRange<Int>, step: String) async throws {
        await watchdog.arm()
        try check(try await reply(step: step), accepted, step: step)
    }

    /// Reads the next reply under the watchdog armed by the caller.
    private mutating func reply(step: String) async throws -> SMTPReply {
        let next: SMTPReply?
        do {
            next = try await replies.next()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw await closed(step: step, cause: "\(error)")
        }
        await watchdog.disarm()
        guard let next else { throw await closed(step: step, cause: nil) }
        return next
    }

    private func closed(step: String, cause: String?) async -> SMTPError {
        if await watchdog.fired {
            return SMTPError(.timeout, step: step, "the server did not answer within \(watchdog.timeout)")
        }
        return SMTPError(
            .connectionClosed,
            step: step,
            "the server closed the connection" + (cause.map { " (\($0))" } ?? "")
        )
    }

    private func check(_ reply: SMTPReply, _ accepted: ClosedRange<Int>, step: String) throws {
        if accepted.contains(reply.code) { return }
        switch reply.code {
        case 400...499:
            throw SMTPError(.temporaryFailure, step: step, replyCode: reply.code, "\(reply.code) \(reply.text)")
        case 500...599:
            throw SMTPRejection(step: step, replyCode: reply.code, text: reply.text)
        default:
            throw SMTPError(
                .protocolViolation,
                step: step,
                replyCode: reply.code,
                "unexpected reply \(reply.code) \(reply.text)"
            )
        }
    }
}

/// Closes the connection when one step takes longer than the timeout, so a silent server cannot hold a
/// send forever.
actor SMTPWatchdog {
    private let channel: any NIOCore.Channel
    nonisolated let timeout: Duration
    private var timer: Task<Void, Never>?
    private(set) var fired = false

    init(channel: any NIOCore.Channel, timeout: Duration) {
        self.channel = channel
        self.timeout = timeout
    }

    /// Starts (or restarts) the clock for one step.
    ///
    /// - Parameter extra: Time allowed on top of the timeout, for a step that writes much.
    func arm(extra: Duration = .zero) {
        timer?.cancel()
        timer = Task { [limit = timeout + extra] in
            do {
                try await Task.sleep(for: limit)
            } catch {
                return
            }
            self.fire()
        }
    }

    /// Stops the clock.
    func disarm() {
        timer?.cancel()
        timer = nil
    }

    private func fire() {
        guard timer != nil, !Task.isCancelled else { return }
        fired = true
        channel.close(promise: nil)
    }

    deinit { timer?.cancel() }
}

extension Duration {
    /// The duration as NIO's `TimeAmount`.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
