import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Pipes one message from a mail server to the support server's `POST /inbound/email/raw`, as classic
/// help desks' mailgates do: the mail server runs it for each message with the message on standard
/// input, and reads the exit code (``SysExit``) to decide between delivered, retry and bounce.
///
/// ```
/// # /etc/aliases:  support: "|/usr/local/bin/mailgate --url https://desk.example/inbound/email/raw"
/// MAILGATE_TOKEN=… mailgate --url http://127.0.0.1:8080 < message.eml
/// ```
public enum Mailgate {
    /// The outcome of one run: the exit code and the line to print on standard error (`nil` for none).
    public struct Outcome: Sendable, Hashable {
        /// The exit code.
        public var exit: SysExit
        /// What to tell the mail server's log (and the bounce).
        public var message: String?

        /// Creates an outcome.
        ///
        /// - Parameters:
        ///   - exit: The exit code.
        ///   - message: The line for standard error.
        public init(_ exit: SysExit, _ message: String?) {
            self.exit = exit
            self.message = message
        }
    }

    /// Reads the message, posts it, and says how to exit.
    ///
    /// - Parameters:
    ///   - arguments: The command-line arguments, without the program name.
    ///   - environment: The variables (`MAILGATE_URL`, `MAILGATE_TOKEN` or `WEBHOOK_TOKEN`).
    ///   - readInput: Reads standard input, at most the given number of bytes plus one.
    /// - Returns: The outcome.
    public static func run(
        arguments: [String],
        environment: [String: String],
        readInput: (Int) throws -> [UInt8]
    ) async -> Outcome {
        let options: MailgateOptions
        do {
            options = try MailgateOptions.parse(arguments: arguments, environment: environment)
        } catch let error as MailgateOptions.Problem {
            return Outcome(error.exit, "mailgate: \(error.message)")
        } catch {
            return Outcome(.usage, "mailgate: \(error)")
        }
        let message: [UInt8]
        do {
            message = try readInput(options.maximumBytes)
        } catch {
            return Outcome(.temporaryFailure, "mailgate: cannot read standard input: \(error)")
        }
        if message.isEmpty {
            return Outcome(.dataError, "mailgate: standard input is empty; pipe one message to it")
        }
        if message.count > options.maximumBytes {
            return Outcome(.dataError, "mailgate: the message is larger than \(options.maximumBytes) bytes")
        }
        return await post(message, options: options)
    }

    /// Posts a message and turns the answer into an outcome.
    ///
    /// - Parameters:
    ///   - message: The raw message.
    ///   - options: Where to and with which token.
    /// - Returns: `ok` with nothing to print on success; otherwise the exit code and the server's error.
    public static func post(_ message: [UInt8], options: MailgateOptions) async -> Outcome {
        var request = URLRequest(url: options.url, timeoutInterval: options.timeout)
        request.httpMethod = "POST"
        request.setValue("message/rfc822", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(options.token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(message)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let answer: (Int, Data)
        do {
            answer = try await withCheckedThrowingContinuation { continuation in
                session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response = response as? HTTPURLResponse {
                        continuation.resume(returning: (response.statusCode, data ?? Data()))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                .resume()
            }
        } catch {
            return Outcome(
                .temporaryFailure,
                "mailgate: \(options.url.absoluteString) cannot be reached (\(error.localizedDescription)); try again"
            )
        }
        let (status, body) = answer
        let exit = SysExit.forHTTPStatus(status)
        if exit == .ok { return Outcome(.ok, nil) }
        return Outcome(exit, "mailgate: the server answered \(status): \(summary(of: body))")
    }

    /// The server's error message from its JSON body (`{"error": {"code", "message"}}`), or the body's
    /// first 200 characters.
    static func summary(of body: Data) -> String {
        struct Envelope: Decodable {
            struct Detail: Decodable {
                var code: String
                var message: String
            }
            var error: Detail
        }
        if let envelope = try? JSONDecoder().decode(Envelope.self, from: body) {
            return "\(envelope.error.code): \(envelope.error.message)"
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.isEmpty ? "(no body)" : text
    }

    /// Reads standard input until its end or one byte past `limit`, whichever comes first.
    ///
    /// - Parameter limit: The most bytes wanted.
    /// - Returns: The bytes, at most `limit + 1` of them.
    /// - Throws: When the read fails.
    public static func readStandardInput(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let input = FileHandle.standardInput
        while bytes.count <= limit {
            guard let chunk = try input.read(upToCount: min(64 * 1024, limit + 1 - bytes.count)), !chunk.isEmpty
            else { break }
            bytes += chunk
        }
        return bytes
    }
}
