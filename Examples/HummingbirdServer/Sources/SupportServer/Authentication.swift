import Foundation
import Hummingbird
import SupportEngine

/// The example's authentication: one bearer token per member and per agent, and one for the mail
/// provider's webhook. A real club would check its own session or a signed token here.
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
        guard let member = members[try token(of: request)] else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not a member's token")
        }
        return member
    }

    /// The agent a request is from.
    func agent(of request: Request) throws -> AgentID {
        guard let agent = agents[try token(of: request)] else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not an agent's token")
        }
        return agent
    }

    /// The owner a request is from.
    func owner(of request: Request) throws -> AgentID {
        guard let owner = owners[try token(of: request)] else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not an owner's token")
        }
        return owner
    }

    /// Checks the club backend's token.
    func checkBackend(_ request: Request) throws {
        guard let backend, try token(of: request) == backend else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not the club backend's token")
        }
    }

    /// Checks the webhook's token.
    func checkWebhook(_ request: Request) throws {
        guard try token(of: request) == webhook else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not the webhook's token")
        }
    }
}
