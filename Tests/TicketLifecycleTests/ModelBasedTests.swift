import Foundation
import Testing
import TicketLifecycle

/// What a batch of random sequences exercised, so a generator that stopped reaching a rule fails.
struct Coverage {
    var sequences = 0
    var steps = 0
    var accepted = 0
    var refusals: [LifecycleError.Code: Int] = [:]
    var statuses: Set<TicketStatus> = []
    var merged = 0

    mutating func note(_ verdict: Verdict, status: TicketStatus) {
        steps += 1
        statuses.insert(status)
        switch verdict {
        case .accepted: accepted += 1
        case .refused(let code): refusals[code, default: 0] += 1
        }
    }
}

/// Runs one seeded random sequence against the library and the model. Records an issue naming the
/// seed and stops at the first disagreement.
func runSequence(seed: UInt64, coverage: inout Coverage, check: (Ticket, String) -> Void = { _, _ in }) {
    var generator = StepGenerator(seed: seed)
    guard case var (model, ticket, events)? = createTicket(seed: seed, generator: &generator) else { return }
    coverage.sequences += 1
    let count = generator.random.int(in: 20...40)
    for index in 0..<count {
        let step = generator.step(status: model.status)
        let context = "seed \(seed) step \(index): \(step)"
        let expected = model.apply(step)
        let actual: Verdict
        do {
            let (next, new) = try TicketRules.execute(step.command, on: ticket, by: step.actor, at: step.at)
            actual = .accepted(events: new.count)
            let numbers = new.map(\.sequence)
            guard numbers == Array((ticket.version + 1)..<(ticket.version + 1 + new.count)),
                new.allSatisfy({ $0.actor == step.actor && $0.at == step.at && $0.ticketID == ticket.id })
            else {
                Issue.record("\(context): events not numbered after version \(ticket.version) or wrong actor/instant")
                return
            }
            ticket = next
            events += new
        } catch let error as LifecycleError {
            actual = .refused(error.code)
        } catch {
            Issue.record("\(context): unexpected error \(error)")
            return
        }
        guard actual == expected else {
            Issue.record("\(context): model says \(expected), library \(actual)")
            return
        }
        let differences = model.differences(from: ticket)
        guard differences.isEmpty else {
            Issue.record("\(context): \(differences.joined(separator: "; "))")
            return
        }
        do {
            let replayed = try Ticket.replay(events)
            guard replayed == ticket else {
                Issue.record("\(context): replay of \(events.count) events differs from the snapshot")
                return
            }
        } catch {
            Issue.record("\(context): replay failed: \(error)")
            return
        }
        check(ticket, context)
        coverage.note(expected, status: ticket.status)
        if ticket.mergedInto != nil, case .merge = step.command { coverage.merged += 1 }
    }
}

/// Tries a random creation, then the requester's own if that one is refused as the model expects.
private func createTicket(
    seed: UInt64,
    generator: inout StepGenerator
) -> (LifecycleModel, Ticket, [TicketEvent])? {
    for attempt in 0..<2 {
        let (creation, actor, hasText) = attempt == 0 ? generator.creation() : (Fixture.creation(), .requester, true)
        let at = generator.nextInstant()
        let (expected, model) = LifecycleModel.create(
            creation,
            id: Fixture.ticketID,
            by: actor,
            at: at,
            bodyHasText: hasText
        )
        let context = "seed \(seed) creation by \(actor)"
        do {
            let (ticket, event) = try TicketRules.create(creation, id: Fixture.ticketID, by: actor, at: at)
            guard let model, expected == .accepted(events: 1) else {
                Issue.record("\(context): model says \(expected), library accepted")
                return nil
            }
            let differences = model.differences(from: ticket)
            guard differences.isEmpty, (try? Ticket.replay([event])) == ticket else {
                Issue.record("\(context): \(differences.joined(separator: "; ")) or replay differs")
                return nil
            }
            return (model, ticket, [event])
        } catch let error as LifecycleError {
            guard expected == .refused(error.code) else {
                Issue.record("\(context): model says \(expected), library refused with \(error)")
                return nil
            }
        } catch {
            Issue.record("\(context): unexpected error \(error)")
            return nil
        }
    }
    Issue.record("seed \(seed): the requester's own creation was refused")
    return nil
}

@Suite("Model-based: random command sequences")
struct ModelBasedTests {
    static let sequencesPerBatch = 100

    /// The seed of sequence `index` of a batch.
    static func seed(batch: Int, index: Int) -> UInt64 {
        0x7E57_11FE_0000_0000 &+ UInt64(batch * sequencesPerBatch + index)
    }

    @Test("1,000 random sequences: accept/refuse, status, snapshot and replay match the model", arguments: 0..<10)
    func batch(batch: Int) {
        var coverage = Coverage()
        for index in 0..<Self.sequencesPerBatch {
            runSequence(seed: Self.seed(batch: batch, index: index), coverage: &coverage)
        }
        #expect(coverage.sequences == Self.sequencesPerBatch, "batch \(batch)")
        #expect(coverage.steps >= 20 * Self.sequencesPerBatch, "batch \(batch)")
        #expect(coverage.accepted > coverage.steps / 5, "batch \(batch): \(coverage.accepted) of \(coverage.steps)")
        #expect(coverage.statuses == Set(TicketStatus.allCases), "batch \(batch)")
        #expect(coverage.merged > 0, "batch \(batch)")
        let codes: [LifecycleError.Code] = [
            .ticketClosed, .neverBackToNew, .notSolved, .noChange, .notPermitted, .invalidMessage, .invalidTag,
            .mergeIntoItself,
        ]
        for code in codes {
            #expect(coverage.refusals[code, default: 0] > 0, "batch \(batch) never saw \(code)")
        }
    }

    @Test("the generator is deterministic for a seed")
    func deterministic() {
        var first = StepGenerator(seed: 42)
        var second = StepGenerator(seed: 42)
        for _ in 0..<200 {
            #expect(first.step(status: .open).description == second.step(status: .open).description)
        }
        var a = SplitMix64(seed: 0)
        #expect(a.next() == 0xE220_A839_7B1D_CDAF, "SplitMix64 reference value for seed 0")
    }
}
