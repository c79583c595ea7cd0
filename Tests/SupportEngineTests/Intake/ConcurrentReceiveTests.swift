import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Concurrent receives")
struct ConcurrentReceiveTests {
    @Test(
        "1,000 concurrent deliveries of 800 distinct messages make exactly 800 tickets",
        arguments: [false, true]
    )
    func concurrentReceives(yielding: Bool) async throws {
        let seed: UInt64 = 0xC0FF_EE00_0800
        var random = SplitMix64(seed: seed)
        let harness = DeskHarness(yielding: yielding)
        let distinct = (0..<800).map { number in
            harness.message(
                String(format: "ext-%04d", number),
                from: MemberID("member-\(number % 37)"),
                body: "message number \(number)",
                channel: number.isMultiple(of: 3) ? .telegram : .email
            )
        }
        var deliveries = distinct
        for _ in 0..<200 { deliveries.append(distinct[Int.random(in: 0..<distinct.count, using: &random)]) }
        deliveries.shuffle(using: &random)

        let results = try await withThrowingTaskGroup(of: (InboundMessage, ReceiveOutcome).self) { group in
            for inbound in deliveries { group.addTask { (inbound, try await harness.desk.receive(inbound)) } }
            var results: [(InboundMessage, ReceiveOutcome)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 1000, "seed \(seed)")

        let tickets = try await harness.allTickets()
        #expect(tickets.count == 800, "seed \(seed)")
        #expect(await harness.store.ticketCount == 800, "seed \(seed)")
        var storedIn: [ExternalMessageKey: [TicketID]] = [:]
        for stored in tickets {
            #expect(stored.ticket.messages.count == 1, "seed \(seed): ticket \(stored.ticket.id)")
            for message in stored.ticket.messages where message.kind == .memberMessage {
                let channel = try #require(message.channel)
                let externalID = try #require(message.externalID)
                storedIn[ExternalMessageKey(channel: channel, externalID: externalID), default: []]
                    .append(stored.ticket.id)
            }
        }
        #expect(storedIn.count == 800, "seed \(seed)")
        #expect(storedIn.values.allSatisfy { $0.count == 1 }, "seed \(seed): a message was stored twice")

        let outcomesByKey = Dictionary(grouping: results, by: { $0.0.key })
        #expect(outcomesByKey.count == 800)
        for (key, outcomes) in outcomesByKey {
            let storedTicket = try #require(storedIn[key]?.first, "seed \(seed): \(key) not stored")
            #expect(Set(outcomes.map(\.1.ticket.id)) == [storedTicket], "seed \(seed): \(key)")
            #expect(outcomes.filter { $0.1.disposition == .created }.count == 1, "seed \(seed): \(key)")
            #expect(
                outcomes.allSatisfy { $0.1.disposition == .created || $0.1.disposition == .duplicate },
                "seed \(seed): \(key)"
            )
            let inbound = try #require(outcomes.first?.0)
            let ticket = try await harness.ticket(storedTicket)
            #expect(ticket.requester == inbound.sender, "seed \(seed): \(key)")
            #expect(ticket.messages.first?.body == inbound.body, "seed \(seed): \(key)")
        }
    }

    /// Sends `count` messages on thread `chat-1` at once; returns each message's key and what happened to it.
    private func burst(
        _ count: Int,
        on harness: DeskHarness
    ) async -> [(ExternalMessageKey, Result<ReceiveOutcome, any Error>)] {
        await withTaskGroup(of: (ExternalMessageKey, Result<ReceiveOutcome, any Error>).self) { group in
            for number in 1...count {
                let inbound = harness.message("mail-\(number)", body: "line \(number)", thread: "chat-1")
                group.addTask {
                    do {
                        return (inbound.key, .success(try await harness.desk.receive(inbound)))
                    } catch {
                        return (inbound.key, .failure(error))
                    }
                }
            }
            var results: [(ExternalMessageKey, Result<ReceiveOutcome, any Error>)] = []
            for await result in group { results.append(result) }
            return results
        }
    }

    @Test(
        "up to conflictRetries + 1 concurrent messages on one conversation are all appended",
        arguments: [2, 5, 9]
    )
    func concurrentAppends(_ count: Int) async throws {
        let harness = DeskHarness(yielding: true)
        let id = try await harness.receive("mail-0", thread: "chat-1").ticket.id
        let results = await burst(count, on: harness)
        for (key, result) in results {
            let outcome = try result.get()
            #expect(outcome.disposition == .appended, "\(key)")
            #expect(outcome.ticket.id == id, "\(key)")
        }
        let ticket = try await harness.ticket(id)
        #expect(ticket.messages.count == count + 1)
        #expect(try Ticket.replay(await harness.store.events(of: id)) == ticket)
    }

    @Test("a burst of 100 concurrent messages on one conversation loses none")
    func burstOnOneConversation() async throws {
        let harness = DeskHarness(yielding: true)
        let id = try await harness.receive("mail-0", thread: "chat-1").ticket.id
        let results = await burst(100, on: harness)

        // Whatever failed left nothing behind, and whatever succeeded is stored once.
        var appended = 0
        for (key, result) in results {
            let storedIn = await harness.store.ticketID(forExternalMessage: key)
            switch result {
            case .success(let outcome):
                appended += 1
                #expect(outcome.ticket.id == id && storedIn == id, "\(key)")
            case .failure(let error):
                #expect((error as? DeskError)?.code == .conflict, "\(key): \(error)")
                #expect(storedIn == nil, "\(key) failed but was stored")
            }
        }
        let ticket = try await harness.ticket(id)
        #expect(ticket.messages.count == appended + 1)
        #expect(try Ticket.replay(await harness.store.events(of: id)) == ticket)

        // Regression (fixed): the desk's own concurrent writers to one ticket used to conflict with each other and
        // run out of retries, refusing part of a burst with `conflict`; the desk now serializes its own writes per
        // ticket, so every message of the burst is stored.
        #expect(appended == 100)

    }
}
