import Foundation
import TicketLifecycle

/// A message as the model keeps it.
struct ModelMessage: Equatable, CustomStringConvertible {
    var kind: TicketMessage.Kind
    var author: SupportActor
    var body: String

    init(kind: TicketMessage.Kind, author: SupportActor, body: String) {
        self.kind = kind
        self.author = author
        self.body = body
    }

    init(_ message: TicketMessage) {
        self.init(kind: message.kind, author: message.author, body: message.body)
    }

    var description: String { "\(kind.rawValue) by \(author): \(body.debugDescription)" }
}

/// What the model expects of one command.
enum Verdict: Equatable, CustomStringConvertible {
    case accepted(events: Int)
    case refused(LifecycleError.Code)

    var description: String {
        switch self {
        case .accepted(let events): "accepted with \(events) event(s)"
        case .refused(let code): "refused with \(code)"
        }
    }
}

/// An independent model of the lifecycle, written from the rules in DESIGN.md §5 and the task, not
/// from the library's code. Checks run in this order: closed, permission, body or tags, then what
/// the command would change.
struct LifecycleModel {
    let id: TicketID
    let requester: MemberID
    var status: TicketStatus = .new
    var assignee: AgentID?
    var priority: Priority
    var reason: ContactReason
    var tags: Set<String> = []
    var mergedInto: TicketID?
    var messages: [ModelMessage]
    var solvedAt: Date?
    var closedAt: Date?
    var updatedAt: Date
    var version = 1

    /// What creating a ticket must do; the model when it succeeds.
    static func create(
        _ creation: TicketCreation,
        id: TicketID,
        by actor: SupportActor,
        at: Date,
        bodyHasText: Bool
    ) -> (Verdict, LifecycleModel?) {
        if case .member(let member) = actor, member != creation.requester { return (.refused(.notPermitted), nil) }
        guard bodyHasText else { return (.refused(.invalidMessage), nil) }
        let model = LifecycleModel(
            id: id,
            requester: creation.requester,
            priority: creation.priority,
            reason: creation.reason,
            messages: [ModelMessage(creation.firstMessage)],
            updatedAt: at
        )
        return (.accepted(events: 1), model)
    }

    /// Applies a step to the model if the rules accept it.
    mutating func apply(_ step: Step) -> Verdict {
        let verdict = decide(step)
        if case .accepted(let events) = verdict {
            version += events
            updatedAt = step.at
        }
        return verdict
    }

    private var isClosed: Bool { status == .closed }

    private mutating func move(to next: TicketStatus, at: Date) {
        status = next
        switch next {
        case .solved: solvedAt = at
        case .closed: closedAt = at
        case .new, .open, .pending, .onHold: solvedAt = nil
        }
    }

    /// Why a status change is refused, if it is.
    private func refusal(to next: TicketStatus) -> LifecycleError.Code? {
        if next == .new { return .neverBackToNew }
        if next == .closed && status != .solved { return .notSolved }
        return nil
    }

    private mutating func decide(_ step: Step) -> Verdict {
        if isClosed { return .refused(.ticketClosed) }
        let actor = step.actor
        let isRequester = actor == .member(requester)
        let isMember: Bool
        let isAgentOrOwner: Bool
        switch actor {
        case .member: (isMember, isAgentOrOwner) = (true, false)
        case .agent, .owner: (isMember, isAgentOrOwner) = (false, true)
        case .system: (isMember, isAgentOrOwner) = (false, false)
        }
        let author = { (kind: TicketMessage.Kind, draft: MessageDraft) in
            ModelMessage(kind: kind, author: actor, body: draft.body)
        }
        switch step.command {
        case .memberMessage(let draft):
            guard isRequester || actor == .system else { return .refused(.notPermitted) }
            guard step.bodyHasText else { return .refused(.invalidMessage) }
            messages.append(author(.memberMessage, draft))
            guard status == .pending || status == .solved else { return .accepted(events: 1) }
            move(to: .open, at: step.at)
            return .accepted(events: 2)

        case .reply(let draft, let requested):
            guard isAgentOrOwner else { return .refused(.notPermitted) }
            guard step.bodyHasText else { return .refused(.invalidMessage) }
            if requested == .new { return .refused(.neverBackToNew) }
            let next = requested ?? (status == .new ? .open : status)
            if next != status, let code = refusal(to: next) { return .refused(code) }
            messages.append(author(.publicReply, draft))
            guard next != status else { return .accepted(events: 1) }
            move(to: next, at: step.at)
            return .accepted(events: 2)

        case .internalNote(let draft):
            guard !isMember else { return .refused(.notPermitted) }
            guard step.bodyHasText else { return .refused(.invalidMessage) }
            messages.append(author(.internalNote, draft))
            return .accepted(events: 1)

        case .automaticMessage(let draft):
            guard actor == .system else { return .refused(.notPermitted) }
            guard step.bodyHasText else { return .refused(.invalidMessage) }
            messages.append(author(.automatic, draft))
            return .accepted(events: 1)

        case .setStatus(let next):
            guard !isMember else { return .refused(.notPermitted) }
            guard next != status else { return .refused(.noChange) }
            if let code = refusal(to: next) { return .refused(code) }
            move(to: next, at: step.at)
            return .accepted(events: 1)

        case .assign(let agent):
            guard !isMember else { return .refused(.notPermitted) }
            guard agent != assignee else { return .refused(.noChange) }
            assignee = agent
            return .accepted(events: 1)

        case .setPriority(let next):
            guard !isMember else { return .refused(.notPermitted) }
            guard next != priority else { return .refused(.noChange) }
            priority = next
            return .accepted(events: 1)

        case .setReason(let next):
            guard !isMember else { return .refused(.notPermitted) }
            guard next != reason else { return .refused(.noChange) }
            reason = next
            return .accepted(events: 1)

        case .addTags:
            guard !isMember else { return .refused(.notPermitted) }
            guard step.tags.allSatisfy({ $0.normalized != nil }) else { return .refused(.invalidTag) }
            let added = Set(step.tags.compactMap(\.normalized)).subtracting(tags)
            guard !added.isEmpty else { return .refused(.noChange) }
            tags.formUnion(added)
            return .accepted(events: 1)

        case .removeTags:
            guard !isMember else { return .refused(.notPermitted) }
            guard step.tags.allSatisfy({ $0.normalized != nil }) else { return .refused(.invalidTag) }
            let removed = Set(step.tags.compactMap(\.normalized)).intersection(tags)
            guard !removed.isEmpty else { return .refused(.noChange) }
            tags.subtract(removed)
            return .accepted(events: 1)

        case .merge(let target):
            guard isAgentOrOwner else { return .refused(.notPermitted) }
            guard target != id else { return .refused(.mergeIntoItself) }
            status = .closed
            closedAt = step.at
            mergedInto = target
            return .accepted(events: 1)

        case .receiveMerge(let source, let received):
            guard isAgentOrOwner else { return .refused(.notPermitted) }
            guard source != id else { return .refused(.mergeIntoItself) }
            messages += received.map(ModelMessage.init)
            return .accepted(events: 1)

        case .recordSLA(let changes):
            guard actor == .system else { return .refused(.notPermitted) }
            guard !changes.isEmpty else { return .refused(.noChange) }
            return .accepted(events: changes.count)

        case .explain(let explanations):
            guard actor == .system else { return .refused(.notPermitted) }
            guard !explanations.isEmpty else { return .refused(.noChange) }
            return .accepted(events: 1)
        }
    }

    /// The differences between the model and a snapshot, in words; empty when they agree.
    func differences(from ticket: Ticket) -> [String] {
        var out: [String] = []
        func compare<T: Equatable>(_ name: String, _ expected: T, _ actual: T) {
            if expected != actual { out.append("\(name): model \(expected), library \(actual)") }
        }
        compare("status", status, ticket.status)
        compare("version", version, ticket.version)
        compare("assignee", assignee, ticket.assignee)
        compare("priority", priority, ticket.priority)
        compare("reason", reason, ticket.reason)
        compare("tags", tags.sorted(), ticket.tags)
        compare("mergedInto", mergedInto, ticket.mergedInto)
        compare("solvedAt", solvedAt, ticket.solvedAt)
        compare("closedAt", closedAt, ticket.closedAt)
        compare("updatedAt", updatedAt, ticket.updatedAt)
        compare("messages", messages, ticket.messages.map(ModelMessage.init))
        return out
    }
}
