import NIOCore
import NIOPosix

/// An SMTP server on a loopback port, in process, that answers by a script and records what it was sent.
final class FakeSMTPServer: Sendable {
    /// How the server behaves.
    struct Script: Sendable {
        /// Replies that replace the normal one for a verb (`MAIL`, `RCPT`, `DATA`, `EHLO`, `END` for the
        /// end of the data), CRLF added.
        var replies: [String: String] = [:]
        /// Never sends the greeting (a server that hangs).
        var silent = false
        /// Closes the connection after the first line of the data.
        var closeDuringData = false
    }

    /// What a session sent.
    actor Recorder {
        private(set) var commands: [String] = []
        /// The raw lines between 354 and the final dot, the dot included, each without its CRLF.
        private(set) var dataLines: [String] = []
        /// How many messages ended with the final dot.
        private(set) var messages = 0
        private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        func command(_ line: String) { commands.append(line) }
        func data(_ line: String) {
            dataLines.append(line)
            guard line == "." else { return }
            messages += 1
            let ready = waiters.filter { $0.count <= messages }
            waiters.removeAll { $0.count <= messages }
            for waiter in ready { waiter.continuation.resume() }
        }
        /// Returns once `count` messages have arrived (run the test with a time limit).
        func waitForMessages(_ count: Int) async {
            if messages >= count { return }
            await withCheckedContinuation { waiters.append((count, $0)) }
        }
    }

    let port: Int
    let recorder: Recorder
    private let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let task: Task<Void, Never>

    private init(
        port: Int,
        channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>,
        recorder: Recorder,
        task: Task<Void, Never>
    ) {
        self.port = port
        self.channel = channel
        self.recorder = recorder
        self.task = task
    }

    /// Starts a server on 127.0.0.1 and a free port.
    static func start(_ script: Script = Script()) async throws -> FakeSMTPServer {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        let recorder = Recorder()
        let task = Task<Void, Never> {
            _ = try? await server.executeThenClose { connections in
                for try await connection in connections {
                    try? await Self.serve(connection, script: script, recorder: recorder)
                }
            }
        }
        return FakeSMTPServer(port: port, channel: server, recorder: recorder, task: task)
    }

    /// Stops listening.
    func stop() async {
        try? await channel.channel.close()
        task.cancel()
    }

    private static func serve(
        _ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>,
        script: Script,
        recorder: Recorder
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            if script.silent {
                for try await _ in inbound {}
                return
            }
            func say(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            try await say("220 fake.test ESMTP ready")
            var pending: [UInt8] = []
            var inData = false
            for try await buffer in inbound {
                pending += buffer.readableBytesView
                while let end = Self.lineEnd(in: pending) {
                    let line = String(decoding: pending[..<end], as: UTF8.self)
                    pending.removeFirst(end + 2)
                    if inData {
                        await recorder.data(line)
                        if line == "." {
                            inData = false
                            try await say(script.replies["END"] ?? "250 2.0.0 queued as FAKE1")
                        } else if script.closeDuringData {
                            return
                        }
                        continue
                    }
                    await recorder.command(line)
                    let verb = String(line.prefix { $0 != " " && $0 != ":" }).uppercased()
                    if let reply = script.replies[verb] {
                        try await say(reply)
                        continue
                    }
                    switch verb {
                    case "EHLO": try await say("250-fake.test greets you\r\n250-8BITMIME\r\n250 SIZE 10000000")
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP": try await say("250 2.0.0 ok")
                    case "DATA":
                        inData = true
                        try await say("354 end with <CRLF>.<CRLF>")
                    case "QUIT":
                        try await say("221 2.0.0 bye")
                        return
                    default: try await say("500 5.5.1 unknown command")
                    }
                }
            }
        }
    }

    private static func lineEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == 0x0D && bytes[index + 1] == 0x0A {
            return index
        }
        return nil
    }
}
