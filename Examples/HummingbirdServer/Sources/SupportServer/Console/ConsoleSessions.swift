import Crypto
import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// Who is signed in to the console.
enum ConsoleViewer: Sendable, Hashable {
    /// A member: the portal, their own tickets only.
    case member(MemberID)
    /// An agent: the inbox and ticket pages.
    case agent(AgentID)
    /// The owner: the owner's inbox.
    case owner(AgentID)

    /// The viewer's home page.
    var home: String {
        switch self {
        case .member: "/console/my"
        case .agent: "/console/agent"
        case .owner: "/console/owner"
        }
    }

    /// The id shown in the header.
    var name: String {
        switch self {
        case .member(let id): id.rawValue
        case .agent(let id), .owner(let id): id.rawValue
        }
    }
}

/// One console session: a random id (the cookie) and a random CSRF token every form carries.
struct ConsoleSession: Sendable, Hashable {
    /// The session's id, sent in the `console_session` cookie.
    let id: String
    /// The token every form of the session carries; a POST without it is refused.
    let csrf: String
    /// Who signed in.
    let viewer: ConsoleViewer
    /// When it stops working.
    let expiresAt: Date
}

/// Where the console keeps its sessions.
public enum ConsoleSessionStorage: Sendable {
    /// In the server's memory: a restart signs everyone out, and servers behind one balancer do not
    /// share them.
    case memory
    /// In PostgreSQL, in a `console_sessions` table of the stores' schema: sessions survive a restart
    /// and every server on the database knows them. Only a hash of each session id is stored.
    case postgres(PostgresClient, schema: String, logger: Logger)
}

/// One table of sessions, in memory or in a database.
protocol ConsoleSessionStore: Sendable {
    /// Keeps a new session under the hash of its id.
    func insert(_ session: ConsoleSession, idHash: String) async throws
    /// The session with this id hash that has not expired at `now`.
    func session(idHash: String, at now: Date) async throws -> ConsoleSession?
    /// Forgets a session.
    func remove(idHash: String) async throws
    /// Forgets every session expired at `now`.
    func removeExpired(at now: Date) async throws
}

/// The console's sessions: random ids and CSRF tokens, an expiry, and a store that keeps them.
///
/// Ids and CSRF tokens are 256 random bits from the system's generator. The store sees only the
/// SHA-256 of an id, so a copy of the table lets nobody in.
struct ConsoleSessions: Sendable {
    let store: any ConsoleSessionStore
    let lifetime: TimeInterval
    let clock: any SupportClock

    /// Creates the sessions.
    ///
    /// - Parameters:
    ///   - store: Where sessions are kept.
    ///   - clock: The clock sessions expire by.
    ///   - lifetime: How long a session works after sign-in.
    init(store: any ConsoleSessionStore, clock: any SupportClock, lifetime: TimeInterval = 8 * 3600) {
        self.store = store
        self.clock = clock
        self.lifetime = lifetime
    }

    /// Starts a session.
    func start(for viewer: ConsoleViewer) async throws -> ConsoleSession {
        let now = clock.now
        try await store.removeExpired(at: now)
        let session = ConsoleSession(
            id: Self.randomToken(),
            csrf: Self.randomToken(),
            viewer: viewer,
            expiresAt: now.addingTimeInterval(lifetime)
        )
        try await store.insert(session, idHash: Self.hash(session.id))
        return session
    }

    /// The live session with this id, if any.
    func session(_ id: String) async throws -> ConsoleSession? {
        guard id.count == 64, id.allSatisfy(\.isHexDigit) else { return nil }
        guard var session = try await store.session(idHash: Self.hash(id), at: clock.now) else { return nil }
        session = ConsoleSession(id: id, csrf: session.csrf, viewer: session.viewer, expiresAt: session.expiresAt)
        return session
    }

    /// Ends a session.
    func end(_ id: String) async throws {
        try await store.remove(idHash: Self.hash(id))
    }

    /// 256 random bits as 64 hexadecimal digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The SHA-256 of a session id, in hexadecimal: what the store keeps.
    static func hash(_ id: String) -> String {
        SHA256.hash(data: Data(id.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Sessions in the server's memory.
actor InMemoryConsoleSessionStore: ConsoleSessionStore {
    private var sessions: [String: ConsoleSession] = [:]

    func insert(_ session: ConsoleSession, idHash: String) {
        sessions[idHash] = session
    }

    func session(idHash: String, at now: Date) -> ConsoleSession? {
        guard let session = sessions[idHash], session.expiresAt > now else { return nil }
        return session
    }

    func remove(idHash: String) {
        sessions[idHash] = nil
    }

    func removeExpired(at now: Date) {
        sessions = sessions.filter { $0.value.expiresAt > now }
    }
}
