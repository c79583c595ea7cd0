import Foundation
import TicketLifecycle

/// Every command, in a form that is valid and changes something on an open ticket built by
/// ``Story/at(_:)`` (unassigned, priority normal, reason access, tag `vip`).
enum CommandKind: String, CaseIterable, Sendable {
    case memberMessage
    case reply
    case internalNote
    case automaticMessage
    case setStatus
    case assign
    case setPriority
    case setReason
    case addTags
    case removeTags
    case merge
    case receiveMerge

    var command: TicketCommand {
        switch self {
        case .memberMessage: .memberMessage(Fixture.draft("Any news?"))
        case .reply: .reply(Fixture.draft("Here is the link"), status: nil)
        case .internalNote: .internalNote(Fixture.draft("Checked the payment log"))
        case .automaticMessage: .automaticMessage(Fixture.draft("We got your message"))
        case .setStatus: .setStatus(.pending)
        case .assign: .assign(Fixture.agentB)
        case .setPriority: .setPriority(.urgent)
        case .setReason: .setReason(.billing)
        case .addTags: .addTags(["refund"])
        case .removeTags: .removeTags(["vip"])
        case .merge: .merge(into: Fixture.otherTicketID)
        case .receiveMerge:
            .receiveMerge(
                from: Fixture.thirdTicketID,
                messages: [
                    TicketMessage(
                        id: "msg-t3",
                        kind: .memberMessage,
                        author: .requester,
                        body: "Same problem, other address",
                        at: Fixture.start
                    )
                ]
            )
        }
    }
}

/// Every kind of actor a ticket meets.
enum ActorKind: String, CaseIterable, Sendable {
    case requester
    case otherMember
    case agent
    case owner
    case system

    var actor: SupportActor {
        switch self {
        case .requester: .requester
        case .otherMember: .otherMember
        case .agent: .agentA
        case .owner: .clubOwner
        case .system: .system
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood): a tiny, seedable generator, so every random test can be
/// rerun from the seed its failure message prints.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `true` with the given percentage.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
