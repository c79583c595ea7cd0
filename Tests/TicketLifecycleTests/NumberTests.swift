import Foundation
import Testing
import TicketLifecycle

/// The ticket number: carried by the creation, rebuilt by replay, absent in histories from before it.
@Suite("Ticket number in the lifecycle")
struct NumberTests {
    @Test func theCreationCarriesTheNumberAndReplayRebuildsIt() throws {
        var creation = Fixture.creation()
        creation.number = try TicketNumber(1042)
        let (ticket, event) = try TicketRules.create(creation, id: "T-1", by: .requester, at: Fixture.start)
        #expect(ticket.number == (try TicketNumber(1042)))
        let (next, events) = try TicketRules.execute(.setStatus(.open), on: ticket, by: .agentA, at: Fixture.at(1))
        #expect(next.number == ticket.number)
        #expect(try Ticket.replay([event] + events) == next)
        let data = try JSONEncoder().encode([event] + events)
        #expect(try Ticket.replay(try JSONDecoder().decode([TicketEvent].self, from: data)).number == ticket.number)
    }

    @Test func aHistoryAndSnapshotFromBeforeNumbersDecodeWithoutOne() throws {
        let (ticket, event) = try TicketRules.create(Fixture.creation(), id: "T-1", by: .requester, at: Fixture.start)
        // Encode, then take out the number key as an older writer never wrote it.
        func withoutNumber<T: Codable>(_ value: T) throws -> Data {
            let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value))
            func strip(_ any: Any) -> Any {
                if var dictionary = any as? [String: Any] {
                    dictionary.removeValue(forKey: "number")
                    return dictionary.mapValues(strip)
                }
                if let array = any as? [Any] { return array.map(strip) }
                return any
            }
            let stripped = strip(object)
            let data = try JSONSerialization.data(withJSONObject: stripped)
            #expect(!String(decoding: data, as: UTF8.self).contains("\"number\""))
            return data
        }
        let oldTicket = try JSONDecoder().decode(Ticket.self, from: try withoutNumber(ticket))
        #expect(oldTicket.number == nil)
        #expect(oldTicket == ticket)
        let oldEvent = try JSONDecoder().decode(TicketEvent.self, from: try withoutNumber(event))
        #expect(try Ticket.replay([oldEvent]).number == nil)
    }

    @Test func aStoredNumberOutOfRangeIsRefused() throws {
        var creation = Fixture.creation()
        creation.number = try TicketNumber(5)
        let (ticket, _) = try TicketRules.create(creation, id: "T-1", by: .requester, at: Fixture.start)
        let text = String(decoding: try JSONEncoder().encode(ticket), as: UTF8.self)
        #expect(text.contains("\"number\":5"))
        let broken = Data(text.replacingOccurrences(of: "\"number\":5", with: "\"number\":0").utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Ticket.self, from: broken) }
    }
}
