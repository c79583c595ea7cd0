import Foundation

/// The mailgate's settings, from its arguments and environment.
///
/// `--url URL` (or `MAILGATE_URL`; a URL without a path gets `/inbound/email/raw`; default
/// `http://127.0.0.1:8080/inbound/email/raw`), `--token TOKEN` (or `MAILGATE_TOKEN`, else
/// `WEBHOOK_TOKEN`; an argument is visible in `ps`, so prefer the variable), `--max-bytes N` (default
/// 25 MiB) and `--timeout SECONDS` (default 60).
public struct MailgateOptions: Sendable, Hashable {
    /// A setting that cannot be used, with the exit code it leads to.
    public struct Problem: Error, Sendable, Hashable {
        /// `usage` for a wrong command line, `configuration` for a missing token or bad URL.
        public var exit: SysExit
        /// What to fix.
        public var message: String
    }

    /// The endpoint.
    public var url: URL
    /// The webhook's bearer token.
    public var token: String
    /// The largest message posted; a larger one is refused with ``SysExit/dataError``.
    public var maximumBytes: Int
    /// How long the post may take, in seconds.
    public var timeout: TimeInterval

    /// The path of the server's raw-mail endpoint.
    public static let endpointPath = "/inbound/email/raw"

    /// Reads the options.
    ///
    /// - Parameters:
    ///   - arguments: The command-line arguments, without the program name.
    ///   - environment: The variables.
    /// - Returns: The options.
    /// - Throws: ``Problem`` naming what to fix.
    public static func parse(arguments: [String], environment: [String: String]) throws -> MailgateOptions {
        var urlText = environment["MAILGATE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var token = [environment["MAILGATE_TOKEN"], environment["WEBHOOK_TOKEN"]].compactMap { $0 }
            .first { !$0.isEmpty }
        var maximumBytes = 25 * 1024 * 1024
        var timeout: TimeInterval = 60
        var rest = arguments[...]
        func value(of option: String) throws -> String {
            guard let value = rest.popFirst(), !value.hasPrefix("--") else {
                throw Problem(exit: .usage, message: "\(option) needs a value")
            }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--url": urlText = try value(of: argument)
            case "--token": token = try value(of: argument)
            case "--max-bytes":
                let text = try value(of: argument)
                guard let number = Int(text), number > 0 else {
                    throw Problem(exit: .usage, message: "--max-bytes needs a positive number of bytes, not '\(text)'")
                }
                maximumBytes = number
            case "--timeout":
                let text = try value(of: argument)
                guard let seconds = TimeInterval(text), seconds > 0, seconds <= 3600 else {
                    throw Problem(exit: .usage, message: "--timeout needs seconds from 0 to 3600, not '\(text)'")
                }
                timeout = seconds
            case "--help", "-h":
                throw Problem(
                    exit: .usage,
                    message: "usage: mailgate [--url URL] [--token TOKEN] [--max-bytes N] [--timeout SECONDS] < message"
                )
            default:
                throw Problem(
                    exit: .usage,
                    message: "unknown argument '\(argument)': use --url, --token, --max-bytes, --timeout"
                )
            }
        }
        guard let token, !token.isEmpty else {
            throw Problem(
                exit: .configuration,
                message: "no token: set MAILGATE_TOKEN (the server's WEBHOOK_TOKEN) or pass --token"
            )
        }
        guard !token.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            throw Problem(exit: .configuration, message: "the token contains spaces or control characters")
        }
        let url = try endpoint(urlText ?? "http://127.0.0.1:8080")
        return MailgateOptions(url: url, token: token, maximumBytes: maximumBytes, timeout: timeout)
    }

    /// The endpoint for a URL: as given when it has a path, with ``endpointPath`` when it has none.
    static func endpoint(_ text: String) throws -> URL {
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw Problem(
                exit: .configuration,
                message: "'\(text.prefix(200))' is not an http or https URL such as http://127.0.0.1:8080"
            )
        }
        if components.path.isEmpty || components.path == "/" { components.path = endpointPath }
        guard let url = components.url else {
            throw Problem(exit: .configuration, message: "'\(text.prefix(200))' is not a URL")
        }
        return url
    }
}
