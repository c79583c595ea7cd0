import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// The bytes go in before the ticket that names them: a failing attachment store leaves no ticket
/// naming missing bytes, a retry stores nothing twice, and concurrent messages share one copy.
@Suite("Attachments when stores fail or race")
struct AttachmentStoreFailureTests {
    typealias F = AttachmentFixtures

    @Test(
        "a put that fails stores no ticket; the retry keeps one ticket, one file and one copy",
        arguments: [FailingAttachmentStore.Timing.beforeWrite, .afterWrite]
    )
    func failingPut(_ timing: FailingAttachmentStore.Timing) async throws {
        let files = FailingAttachmentStore()
        let harness = DeskHarness(attachments: files)
        let inbound = F.message(
            "mail-1",
            at: harness.clock.now,
            attachments: [F.screenshot(), F.file("notes.txt", "text/plain", size: 40)]
        )
        await files.failNextPuts([timing])
        let error = await #expect(throws: StoreError.self) { try await harness.desk.receive(inbound) }
        #expect(error?.code == .unavailable)
        #expect(try await harness.allTickets().isEmpty, "no ticket after a failed put")
        // Before the write nothing is kept; after it, the bytes stand with no ticket naming them.
        #expect(await files.base.count == (timing == .beforeWrite ? 0 : 1))

        let outcome = try await harness.desk.receive(inbound)
        #expect(outcome.disposition == .created)
        #expect(try await harness.allTickets().count == 1)
        let names = outcome.ticket.messages.flatMap(\.attachments).map(\.fileName)
        #expect(names == ["broken-button.png", "notes.txt"], "each file once on the ticket")
        #expect(await files.base.count == 2, "each content stored once")
        #expect(try await everyNamedFileIsStored(harness, in: files.base))

        // A repeated delivery changes nothing and puts nothing.
        let puts = await files.puts
        let repeated = try await harness.desk.receive(inbound)
        #expect(repeated.disposition == .duplicate)
        #expect(await files.puts == puts)
        #expect(await files.base.count == 2)
    }

    @Test("a commit that fails after the bytes went in leaves no ticket; the retry names the one copy")
    func failingCommit() async throws {
        let files = InMemoryAttachmentStore()
        let tickets = InMemoryTicketStore()
        let faulty = FaultInjectingTicketStore(wrapping: tickets, seed: 1)
        let clock = ManualClock()
        let desk = try SupportDesk(store: faulty, clock: clock, ids: SequentialIDGenerator(), attachments: files)
        let inbound = F.message("mail-1", at: clock.now, attachments: [F.screenshot()])
        faulty.failNext(.commit, .beforeWrite)
        await #expect(throws: StoreError.self) { try await desk.receive(inbound) }
        #expect(await tickets.ticketCount == 0)
        #expect(await files.count == 1, "the bytes went in first")

        let outcome = try await desk.receive(inbound)
        #expect(outcome.disposition == .created)
        #expect(await tickets.ticketCount == 1)
        #expect(await files.count == 1)
        let attachment = try #require(outcome.ticket.messages.first?.attachments.first)
        #expect(try await files.content(withHash: attachment.contentHash)?.bytes == F.screenshotBytes)
    }

    @Test("concurrent messages with the same screenshot share one stored copy; every ticket names it")
    func concurrentDedupe() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        print("AttachmentStoreFailureTests.concurrentDedupe seed: \(seed)")
        let files = FailingAttachmentStore(yields: SeededYields(seed: seed))
        let harness = DeskHarness(yielding: true, attachments: files)
        let now = harness.clock.now
        // 24 members send the same screenshot at once, every third one with a file of their own too;
        // and one message is delivered four times at once.
        let messages = (0..<24).map { index in
            F.message(
                "mail-\(index)",
                from: MemberID("member-\(index)"),
                at: now,
                attachments: [F.screenshot()]
                    + (index.isMultiple(of: 3)
                        ? [F.file("own-\(index).txt", "text/plain", size: 8, fill: UInt8(index))] : [])
            )
        }
        let repeated = Array(
            repeating: F.message("mail-x", from: "member-x", at: now, attachments: [F.screenshot()]),
            count: 4
        )
        let outcomes = try await withThrowingTaskGroup(of: ReceiveOutcome.self) { group in
            for message in messages + repeated { group.addTask { try await harness.desk.receive(message) } }
            var all: [ReceiveOutcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.filter { $0.disposition == .duplicate }.count == 3, "seed \(seed)")
        let tickets = try await harness.allTickets()
        #expect(tickets.count == 25, "seed \(seed)")
        let shared = AttachmentContent(F.screenshotBytes).contentHash
        for stored in tickets {
            let first = try #require(stored.ticket.messages.first)
            #expect(first.attachments.first?.contentHash == shared, "seed \(seed)")
            #expect(stored.ticket.messages.flatMap(\.attachments).count == first.attachments.count, "seed \(seed)")
        }
        #expect(await files.base.count == 1 + 8, "one screenshot and 8 own files; seed \(seed)")
        #expect(try await everyNamedFileIsStored(harness, in: files.base), "seed \(seed)")
        let ids = tickets.flatMap { $0.ticket.messages.flatMap(\.attachments).map(\.id) }
        #expect(Set(ids).count == ids.count, "attachment ids are unique; seed \(seed)")
    }
}
