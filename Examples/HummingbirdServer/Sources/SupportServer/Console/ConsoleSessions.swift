import Foundation
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

/// The console's sessions, kept in the server's memory.
///
/// A restart signs everyone out, and two servers behind one balancer do not share them: enough for the
/// example, which says so in its README. A club running several servers keeps sessions in its database
/// or signs them. Ids and CSRF tokens are 256 random bits from the system's generator.
actor ConsoleSessions {
    private var sessions: [String: ConsoleSession] = [:]
    private let lifetime: TimeInterval
    private let clock: any SupportClock

    /// Creates an empty table.
    ///
    /// - Parameters:
    ///   - clock: The clock sessions expire by.
    ///   - lifetime: How long a session works after sign-in.
    init(clock: any SupportClock, lifetime: TimeInterval = 8 * 3600) {
        self.clock = clock
        self.lifetime = lifetime
    }

    /// Starts a session.
    func start(for viewer: ConsoleViewer) -> ConsoleSession {
        let now = clock.now
        sessions = sessions.filter { $0.value.expiresAt > now }
        let session = ConsoleSession(
            id: Self.randomToken(),
            csrf: Self.randomToken(),
            viewer: viewer,
            expiresAt: now.addingTimeInterval(lifetime)
        )
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, if any.
    func session(_ id: String) -> ConsoleSession? {
        guard let session = sessions[id] else { return nil }
        guard session.expiresAt > clock.now else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    /// Ends a session.
    func end(_ id: String) {
        sessions[id] = nil
    }

    /// 256 random bits as 64 hexadecimal digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
