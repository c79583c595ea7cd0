import Foundation
import Hummingbird
import SupportEngine

/// The example's authentication: one bearer token per member and per agent, and one for the mail
/// provider's webhook. A real club would check its own session or a signed token here.
///
/// Tokens are compared in constant time. Outside demo mode the server refuses to start with the demo
/// tokens or with a token shorter than ``minimumLength`` characters (``check(allowingDemo:)``).
public struct AccessTokens: Sendable, Hashable {
    /// Member tokens to member ids.
    public var members: [String: MemberID]
    /// Agent tokens to agent ids.
    public var agents: [String: AgentID]
    /// The token the mail provider sends with its webhook.
    public var webhook: String
    /// Owner tokens to the owner's id: the owner announces fixes to former members.
    public var owners: [String: AgentID]
    /// The token of the club's own backend, which reports members' joins, activity and cancellations;
    /// `nil` turns those endpoints off.
    public var backend: String?

    /// Creates the token table.
    ///
    /// - Parameters:
    ///   - members: Member tokens to member ids.
    ///   - agents: Agent tokens to agent ids.
    ///   - webhook: The webhook's token.
    ///   - owners: Owner tokens to owner ids.
    ///   - backend: The club backend's token, or `nil`.
    public init(
        members: [String: MemberID],
        agents: [String: AgentID],
        webhook: String,
        owners: [String: AgentID] = [:],
        backend: String? = nil
    ) {
        self.members = members
        self.agents = agents
        self.webhook = webhook
        self.owners = owners
        self.backend = backend
    }

    /// Parses `token=id,token=id`.
    ///
    /// - Parameter text: The list.
    /// - Returns: Tokens to ids; entries without `=` are skipped.
    public static func parse(_ text: String) -> [String: String] {
        var table: [String: String] = [:]
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty { table[parts[0]] = parts[1] }
        }
        return table
    }

    func token(of request: Request) throws -> String {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(.unauthorized, "unauthorized", "send 'Authorization: Bearer <token>'")
        }
        return String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
    }

    /// The member a request is from.
    func member(of request: Request) throws -> MemberID {
        guard let member = ConstantTimeComparison.lookUp(try token(of: request), in: members) else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not a member's token")
        }
        return member
    }

    /// The agent a request is from.
    func agent(of request: Request) throws -> AgentID {
        guard let agent = ConstantTimeComparison.lookUp(try token(of: request), in: agents) else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not an agent's token")
        }
        return agent
    }

    /// The owner a request is from.
    func owner(of request: Request) throws -> AgentID {
        guard let owner = ConstantTimeComparison.lookUp(try token(of: request), in: owners) else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not an owner's token")
        }
        return owner
    }

    /// Checks the club backend's token.
    func checkBackend(_ request: Request) throws {
        guard let backend, ConstantTimeComparison.equal(try token(of: request), backend) else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not the club backend's token")
        }
    }

    /// Checks the webhook's token.
    func checkWebhook(_ request: Request) throws {
        guard ConstantTimeComparison.equal(try token(of: request), webhook) else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not the webhook's token")
        }
    }

    /// The shortest token the server accepts outside demo mode: 16 characters.
    public static let minimumLength = 16

    /// Checks that the table is safe to serve with: outside demo mode, no demo token (see ``demo``) and
    /// no token shorter than ``minimumLength``.
    ///
    /// - Parameter allowingDemo: Whether the server was started in demo mode (`--demo` or
    ///   `SUPPORT_DEMO=1`), where the demo tokens are allowed.
    /// - Throws: ``AccessTokensError`` naming the variable to set and why.
    public func check(allowingDemo: Bool) throws {
        if allowingDemo { return }
        let demo = Self.demo
        let demoTokens = Set(demo.members.keys).union(demo.agents.keys).union(demo.owners.keys)
            .union([demo.webhook]).union(demo.backend.map { [$0] } ?? [])
        let named: [(variable: String, tokens: [String])] = [
            ("MEMBER_TOKENS", Array(members.keys)), ("AGENT_TOKENS", Array(agents.keys)),
            ("WEBHOOK_TOKEN", [webhook]), ("OWNER_TOKENS", Array(owners.keys)),
            ("BACKEND_TOKEN", backend.map { [$0] } ?? []),
        ]
        for (variable, tokens) in named {
            if tokens.contains(where: demoTokens.contains) {
                throw AccessTokensError(
                    "\(variable) holds a demo token that anyone can read in the example's README; set your "
                        + "own secret tokens, or start with --demo (or SUPPORT_DEMO=1) on a machine only you reach"
                )
            }
            if variable == "WEBHOOK_TOKEN", webhook.isEmpty {
                throw AccessTokensError(
                    "WEBHOOK_TOKEN is not set; set the secret your mail provider sends, or start with --demo"
                )
            }
            if variable == "AGENT_TOKENS", tokens.isEmpty {
                throw AccessTokensError("AGENT_TOKENS is not set; give each agent a secret token: token=agent,…")
            }
            if let short = tokens.first(where: { $0.count < Self.minimumLength }) {
                throw AccessTokensError(
                    "\(variable) holds a token of \(short.count) characters; use at least "
                        + "\(Self.minimumLength) random characters (for example `openssl rand -hex 24`)"
                )
            }
        }
    }
}

/// Why the server refuses to start with its access tokens.
public struct AccessTokensError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which variable is wrong and what to do.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameter message: Which variable is wrong and what to do.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
