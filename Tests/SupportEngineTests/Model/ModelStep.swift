import Foundation

@testable import SupportEngine

/// One call of the model's program. Steps that name "the n-th ticket" or "the n-th message" resolve
/// against what the callers have learned by the time they run (modulo the count).
enum ModelStep: Sendable, CustomStringConvertible {
    case receive(desk: Int, externalID: String, member: MemberID, body: String)
    case receiveAgain(desk: Int, index: Int)
    case memberWrites(desk: Int, ticket: Int, id: String)
    case reply(desk: Int, ticket: Int, agent: AgentID)
    case note(desk: Int, ticket: Int)
    case solve(desk: Int, ticket: Int)
    case assign(desk: Int, ticket: Int, agent: AgentID?)
    case presence(desk: Int, agent: AgentID, online: Bool)
    case dueWork(desk: Int)
    case deliver(desk: Int)
    case advance(seconds: TimeInterval)
    case requestRefund(desk: Int, member: MemberID, request: String, paidDaysAgo: Double)
    case resolveRefund(desk: Int, member: MemberID, approve: Bool, paidDaysAgo: Double)
    case report(desk: Int, message: Int, violation: ViolationKind)
    case decideRemoval(desk: Int, member: MemberID, approve: Bool)
    case reverse(desk: Int, member: MemberID)
    case joined(desk: Int, member: MemberID)
    case activity(desk: Int, member: MemberID)
    case cancelled(desk: Int, member: MemberID)
    case optOut(desk: Int, member: MemberID, optedOut: Bool)

    var description: String {
        switch self {
        case .receive(let desk, let id, let member, _): "d\(desk) receive \(id) from \(member)"
        case .receiveAgain(let desk, let index): "d\(desk) receive again #\(index)"
        case .memberWrites(let desk, let ticket, let id): "d\(desk) member writes \(id) on ticket #\(ticket)"
        case .reply(let desk, let ticket, let agent): "d\(desk) \(agent) replies on ticket #\(ticket)"
        case .note(let desk, let ticket): "d\(desk) note on ticket #\(ticket)"
        case .solve(let desk, let ticket): "d\(desk) solve ticket #\(ticket)"
        case .assign(let desk, let ticket, let agent):
            "d\(desk) assign ticket #\(ticket) to \(agent?.rawValue ?? "nobody")"
        case .presence(let desk, let agent, let online): "d\(desk) \(agent) \(online ? "online" : "offline")"
        case .dueWork(let desk): "d\(desk) due work"
        case .deliver(let desk): "d\(desk) deliver"
        case .advance(let seconds): "advance \(Int(seconds)) s"
        case .requestRefund(let desk, let member, let request, let days):
            "d\(desk) refund \(request) for \(member), paid \(Int(days)) days ago"
        case .resolveRefund(let desk, let member, let approve, _):
            "d\(desk) owner \(approve ? "approves" : "declines") \(member)'s escalation"
        case .report(let desk, let message, let kind): "d\(desk) report message #\(message) for \(kind.rawValue)"
        case .decideRemoval(let desk, let member, let approve):
            "d\(desk) owner \(approve ? "approves" : "declines") removal of \(member)"
        case .reverse(let desk, let member): "d\(desk) reverse \(member)'s first sanction"
        case .joined(let desk, let member): "d\(desk) \(member) joined"
        case .activity(let desk, let member): "d\(desk) \(member) active"
        case .cancelled(let desk, let member): "d\(desk) \(member) cancelled"
        case .optOut(let desk, let member, let optedOut): "d\(desk) \(member) opt-\(optedOut ? "out" : "in")"
        }
    }

    /// A program: batches of one to three steps; the steps of a batch run at once.
    static func program(_ random: inout ModelRandom, batches: Int) -> [[ModelStep]] {
        var counter = 0
        var program: [[ModelStep]] = []
        let members = DeskModel.members.map(\.id)
        let everyone = members + DeskModel.prospects
        let agents = DeskModel.agents.map(\.id)
        let bodies = [
            "I cannot log in to the club",
            "Please refund my last payment",
            "Where is the recording of yesterday's call?",
            "Не могу войти в клуб",
            "No puedo entrar al club",
        ]
        for _ in 0..<batches {
            let size = random.chance(0.5) ? 1 : Int.random(in: 2...3, using: &random)
            var batch: [ModelStep] = []
            for _ in 0..<size {
                counter += 1
                let desk = Int.random(in: 0...1, using: &random)
                let ticket = Int.random(in: 0..<1_000, using: &random)
                let roll = Int.random(in: 0..<100, using: &random)
                let step: ModelStep =
                    switch roll {
                    case 0..<18:
                        .receive(
                            desk: desk,
                            externalID: "m\(counter)",
                            member: random.pick(everyone),
                            body: random.pick(bodies)
                        )
                    case 18..<24: .receiveAgain(desk: desk, index: ticket)
                    case 24..<28: .memberWrites(desk: desk, ticket: ticket, id: "w\(counter)")
                    case 28..<36: .reply(desk: desk, ticket: ticket, agent: random.pick(agents))
                    case 36..<39: .note(desk: desk, ticket: ticket)
                    case 39..<44: .solve(desk: desk, ticket: ticket)
                    case 44..<47:
                        .assign(desk: desk, ticket: ticket, agent: random.chance(0.8) ? random.pick(agents) : nil)
                    case 47..<50: .presence(desk: desk, agent: random.pick(agents), online: random.chance(0.7))
                    case 50..<57: .dueWork(desk: desk)
                    case 57..<63: .deliver(desk: desk)
                    case 63..<68: .advance(seconds: random.pick([30, 600, 3_600, 4 * 3_600, 86_400]))
                    case 68..<74:
                        .requestRefund(
                            desk: desk,
                            member: random.pick(members),
                            request: "rq\(counter)",
                            paidDaysAgo: random.pick([3, 20, 60])
                        )
                    case 74..<77:
                        .resolveRefund(
                            desk: desk,
                            member: random.pick(members),
                            approve: random.chance(0.6),
                            paidDaysAgo: 20
                        )
                    case 77..<81: .report(desk: desk, message: ticket, violation: random.pick([.rudeness, .spam]))
                    case 81..<83: .decideRemoval(desk: desk, member: random.pick(members), approve: random.chance(0.5))
                    case 83..<84: .reverse(desk: desk, member: random.pick(members))
                    case 84..<88: .joined(desk: desk, member: random.pick(members))
                    case 88..<93: .activity(desk: desk, member: random.pick(members))
                    case 93..<96: .cancelled(desk: desk, member: random.pick(members))
                    default: .optOut(desk: desk, member: random.pick(members), optedOut: random.chance(0.7))
                    }
                batch.append(step)
            }
            program.append(batch)
        }
        return program
    }
}
