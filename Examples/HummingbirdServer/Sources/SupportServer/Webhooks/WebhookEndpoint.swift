import Foundation
import SupportEngine

/// A place the server delivers the desk's event feed to: a URL, the secret its deliveries are signed
/// with, and which events it wants.
public struct WebhookEndpoint: Sendable, Hashable {
    /// Which events an endpoint receives.
    public enum Selection: String, Sendable, Hashable {
        /// Every feed event.
        case all
        /// Only the events a person should be alerted to (`DeskEventKind.isAlert`): breaches,
        /// escalations, refunds and removals waiting for the owner, dead letters.
        case alerts
    }

    /// Where a new endpoint starts reading the feed, the first time a server delivers to it; an
    /// endpoint with a stored cursor always continues from it.
    public enum Start: String, Sendable, Hashable {
        /// After the newest event: only what happens from now on (the default).
        case now
        /// At the beginning of the feed: every event the desk ever stored.
        case beginning
    }

    /// The endpoint's name: lower-case letters, digits and `_`; its cursor and delivery log are kept
    /// under this name, so renaming an endpoint starts it from the beginning of the feed.
    public var name: String
    /// Where deliveries are posted: an `http` or `https` URL.
    public var url: URL
    /// The HMAC-SHA256 key deliveries are signed with; at least 16 bytes.
    public var secret: String
    /// Which events it receives.
    public var selection: Selection
    /// Where it starts the first time.
    public var start: Start

    /// The shortest secret accepted, in bytes.
    public static let minimumSecretBytes = 16

    /// Creates an endpoint, checking every field.
    ///
    /// - Parameters:
    ///   - name: Lower-case letters, digits and `_`, 1 to 40 characters.
    ///   - url: An `http` or `https` URL with a host.
    ///   - secret: At least ``minimumSecretBytes`` bytes.
    ///   - selection: Which events it receives.
    ///   - start: Where it starts reading the feed the first time.
    /// - Throws: ``APIError`` with code `invalid_setting` naming the endpoint and the field.
    public init(
        name: String,
        url: String,
        secret: String,
        selection: Selection = .alerts,
        start: Start = .now
    ) throws {
        let nameIsPlain =
            (1...40).contains(name.count)
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard nameIsPlain else {
            throw Self.invalid("a webhook's name is 1 to 40 lower-case letters, digits and '_', not '\(name)'")
        }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            let host = parsed.host, !host.isEmpty
        else {
            throw Self.invalid("webhook '\(name)': the URL must be http:// or https:// with a host, not '\(url)'")
        }
        guard secret.utf8.count >= Self.minimumSecretBytes else {
            throw Self.invalid(
                "webhook '\(name)': the secret must have at least \(Self.minimumSecretBytes) bytes; "
                    + "generate one with `openssl rand -hex 32`"
            )
        }
        self.name = name
        self.url = parsed
        self.secret = secret
        self.selection = selection
        self.start = start
    }

    /// Whether the endpoint receives an event.
    ///
    /// - Parameter event: The event.
    /// - Returns: `true` for every event with ``Selection/all``, for alerts only with ``Selection/alerts``.
    public func wants(_ event: DeskEvent) -> Bool {
        selection == .all || event.kind.isAlert
    }

    /// Reads the endpoints from `HOOK_<NAME>_URL`, `HOOK_<NAME>_SECRET`, `HOOK_<NAME>_EVENTS`
    /// (`alerts`, the default, or `all`) and `HOOK_<NAME>_FROM` (`now`, the default, or `beginning`);
    /// `<NAME>` in lower case is the endpoint's name.
    ///
    /// - Parameter environment: The variables.
    /// - Returns: The endpoints, sorted by name; empty when none is set.
    /// - Throws: ``APIError`` with code `invalid_setting` for a URL without a secret, a short secret, a bad
    ///   URL, an unknown `EVENTS` or `FROM` value.
    public static func fromEnvironment(_ environment: [String: String]) throws -> [WebhookEndpoint] {
        var names = Set<String>()
        for key in environment.keys where key.hasPrefix("HOOK_") {
            for suffix in ["_URL", "_SECRET", "_EVENTS", "_FROM"] where key.hasSuffix(suffix) {
                let name = key.dropFirst("HOOK_".count).dropLast(suffix.count)
                if !name.isEmpty { names.insert(String(name)) }
            }
        }
        return try names.sorted().map { name in
            let prefix = "HOOK_\(name)_"
            guard let url = environment[prefix + "URL"], !url.isEmpty else {
                throw invalid("\(prefix)URL is not set, but other \(prefix)* variables are")
            }
            guard let secret = environment[prefix + "SECRET"], !secret.isEmpty else {
                throw invalid("\(prefix)SECRET is not set: every webhook's deliveries are signed")
            }
            let events = environment[prefix + "EVENTS"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "alerts"
            guard let selection = Selection(rawValue: events) else {
                throw invalid("\(prefix)EVENTS must be 'alerts' or 'all', not '\(events)'")
            }
            let from = environment[prefix + "FROM"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "now"
            guard let start = Start(rawValue: from) else {
                throw invalid("\(prefix)FROM must be 'now' or 'beginning', not '\(from)'")
            }
            return try WebhookEndpoint(
                name: name.lowercased(),
                url: url,
                secret: secret,
                selection: selection,
                start: start
            )
        }
    }

    static func invalid(_ message: String) -> APIError {
        APIError(.internalServerError, "invalid_setting", message)
    }
}
