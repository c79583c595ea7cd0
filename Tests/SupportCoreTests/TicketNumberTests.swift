import Foundation
import SupportCore
import Testing

@Suite("Ticket numbers")
struct TicketNumberTests {
    @Test func formatsWithThePrefixAndEncodesAsANumber() throws {
        let number = try TicketNumber(1042)
        #expect(number.formatted(prefix: "#") == "#1042")
        #expect(number.formatted(prefix: "REQ-") == "REQ-1042")
        #expect(number.description == "1042")
        let data = try JSONEncoder().encode(number)
        #expect(String(decoding: data, as: UTF8.self) == "1042")
        #expect(try JSONDecoder().decode(TicketNumber.self, from: data) == number)
    }

    @Test(arguments: [0, -1, TicketNumber.maximum + 1, Int.max])
    func refusesNumbersOutOfRange(_ value: Int) {
        #expect(TicketNumber(rawValue: value) == nil)
        let error = #expect(throws: SupportCoreError.self) { try TicketNumber(value) }
        #expect(error?.code == .invalidValue)
        #expect(error?.message.contains("1 to") == true)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TicketNumber.self, from: Data("\(value)".utf8)) }
    }

    @Test(arguments: [
        ("#1042", 1042), ("1042", 1042), (" #7 ", 7), ("#999999999999999", 999_999_999_999_999),
    ])
    func readsWhatPeopleType(_ text: String, _ expected: Int) {
        #expect(TicketNumber(parsing: text, prefix: "#")?.rawValue == expected)
    }

    @Test(arguments: ["", "#", "#0", "##1", "#-1", "#+1", "#1x", "1 2", "#1000000000000000", "#١٢", "T-1"])
    func refusesWhatIsNotANumber(_ text: String) {
        #expect(TicketNumber(parsing: text, prefix: "#") == nil, "'\(text)'")
    }

    @Test func ordersByValue() throws {
        #expect(try TicketNumber(9) < TicketNumber(10))
    }
}
