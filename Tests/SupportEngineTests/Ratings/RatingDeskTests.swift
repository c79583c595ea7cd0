import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Ratings through the desk")
struct RatingDeskTests {
    @Test func onlyTheRequesterRatesASolvedTicketOnce() async throws {
        let clock = ManualClock()
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(agents: [AgentProfile(id: "olga", displayName: "Olga")]),
            ids: SequentialIDGenerator()
        )
        let ratings = desk.ratings
        let ticket = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "m1",
                sender: "anna",
                body: "The button does not work",
                receivedAt: clock.now
            )
        ).ticket
        await #expect(throws: RatingError.self) { try await ratings.rate(ticket.id, score: 5, by: "anna") }
        do {
            try await ratings.rate(ticket.id, score: 5, by: "anna")
        } catch let error as RatingError {
            #expect(error.code == .notSolved)
        }
        try await desk.solve(ticket.id, by: .agent("olga"))
        do {
            try await ratings.rate(ticket.id, score: 5, by: "boris")
            Issue.record("another member rated")
        } catch let error as RatingError {
            #expect(error.code == .notRequester)
        }
        do {
            try await ratings.rate(ticket.id, score: 6, by: "anna")
            Issue.record("a score of 6 was taken")
        } catch let error as RatingError {
            #expect(error.code == .scoreOutOfRange)
        }
        clock.advance(by: 60)
        let rating = try await ratings.rate(ticket.id, score: 4, comment: "  quick  ", by: "anna")
        #expect(rating.comment == "quick")
        #expect(rating.at == clock.now)
        do {
            try await ratings.rate(ticket.id, score: 1, by: "anna")
            Issue.record("a second rating was taken")
        } catch let error as RatingError {
            #expect(error.code == .alreadyRated)
        }
        #expect(try await ratings.all() == [rating])
        await #expect(throws: DeskError.self) { try await ratings.rate("T-404", score: 3, by: "anna") }
    }

    /// A comment without a limit let one member's rating grow the store without bound.
    @Test func aCommentIsBoundedAndNothingIsKeptWhenItIsTooLong() async throws {
        let clock = ManualClock()
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(agents: [AgentProfile(id: "olga", displayName: "Olga")]),
            ids: SequentialIDGenerator()
        )
        let ticket = try await desk.receive(
            InboundMessage(channel: .email, externalID: "m1", sender: "anna", body: "Broken", receivedAt: clock.now)
        ).ticket
        try await desk.solve(ticket.id, by: .agent("olga"))
        let withNUL = "good\u{0}service"
        do {
            try await desk.ratings.rate(ticket.id, score: 5, comment: withNUL, by: "anna")
            Issue.record("a comment with a NUL character was kept")
        } catch let error as RatingError {
            #expect(error.code == .invalidComment)
        }
        let tooLong = String(repeating: "ж", count: RatingDesk.maximumCommentLength + 1)
        do {
            try await desk.ratings.rate(ticket.id, score: 5, comment: tooLong, by: "anna")
            Issue.record("a comment of \(tooLong.count) characters was kept")
        } catch let error as RatingError {
            #expect(error.code == .commentTooLong)
        }
        #expect(try await desk.ratings.all().isEmpty)
        let longest = String(repeating: "ж", count: RatingDesk.maximumCommentLength)
        let rating = try await desk.ratings.rate(ticket.id, score: 5, comment: longest, by: "anna")
        #expect(rating.comment?.count == RatingDesk.maximumCommentLength)
    }
}
