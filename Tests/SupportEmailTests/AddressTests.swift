import Foundation
import Testing

@testable import SupportEmail

@Suite("Email addresses and mailboxes")
struct AddressTests {
    @Test(
        "valid addresses parse; the domain is lowercased; canonical is all lowercase",
        arguments: [
            ("Maria.Lopez@Example.COM", "Maria.Lopez@example.com"),
            (" o'brien+club@mail.example.ie ", "o'brien+club@mail.example.ie"),
            ("\"john doe\"@example.com", "\"john doe\"@example.com"),
            ("<ivan@yandex.example>", "ivan@yandex.example"),
            ("пользователь@почта.рф", "пользователь@почта.рф"),
            ("admin@[192.0.2.1]", "admin@[192.0.2.1]"),
        ]
    )
    func valid(text: String, expected: String) throws {
        let address = try EmailAddress(text)
        #expect(address.description == expected)
        #expect(address.canonical == expected.lowercased())
    }

    @Test(
        "addresses that do not parse are a typed error naming the reason",
        arguments: [
            "", "maria", "@example.com", "maria@", "a..b@example.com", ".a@example.com", "a.@example.com",
            "a@-example.com", "a@example..com", "a b@example.com", "a@exa mple.com", "a@example.com\r\nBcc: x@y.z",
            String(repeating: "x", count: 65) + "@example.com", "a@" + String(repeating: "x", count: 64) + ".com",
            "a(b)@example.com", "a@[1.2.3.4",
        ]
    )
    func invalid(text: String) {
        #expect {
            try EmailAddress(text)
        } throws: { error in
            guard let error = error as? EmailError else { return false }
            return error.code == .invalidAddress && error.message.contains("is not an email address")
        }
    }

    @Test("an address decodes from JSON only when it is valid")
    func codable() throws {
        let address = try EmailAddress("maria@example.com")
        let data = try JSONEncoder().encode([address])
        #expect(String(decoding: data, as: UTF8.self) == "[\"maria@example.com\"]")
        #expect(try JSONDecoder().decode([EmailAddress].self, from: data) == [address])
        #expect(throws: EmailError.self) {
            try JSONDecoder().decode([EmailAddress].self, from: Data("[\"not an address\"]".utf8))
        }
    }

    @Test("mailboxes: display names quoted, encoded, in comments, with unquoted commas")
    func mailboxes() throws {
        let quoted = try Mailbox("\"López, María\" <maria@example.com>")
        #expect(quoted.displayName == "López, María")
        #expect(quoted.address.description == "maria@example.com")
        #expect(try Mailbox("=?UTF-8?B?0JjQstCw0L0=?= <ivan@example.com>").displayName == "Иван")
        #expect(try Mailbox("maria@example.com (María L.)").displayName == "María L.")
        #expect(try Mailbox("John Q. Public <jqp@example.com>").displayName == "John Q. Public")
        #expect(try Mailbox("<bare@example.com>").displayName == nil)
        #expect(try Mailbox("Wood, Peter <peter@example.com>").displayName == "Wood, Peter")
        #expect(try Mailbox("Route <@relay.example:user@example.com>").address.description == "user@example.com")
        #expect(try Mailbox("Maria <maria@example.com>").description == "Maria <maria@example.com>")
    }

    @Test("lists: groups flattened, empty groups skipped, comments ignored")
    func lists() throws {
        let list = try Mailbox.list(
            "Team: a@example.com, \"B\" <b@example.com>;, c@example.com (C), undisclosed-recipients:;"
        )
        #expect(list.map(\.address.description) == ["a@example.com", "b@example.com", "c@example.com"])
        #expect(list.map(\.displayName) == [nil, "B", "C"])
    }

    @Test("a mailbox that is not exactly one address is an error")
    func mailboxErrors() {
        for text in ["a@example.com, b@example.com", "Maria", "", "Maria <>", "<a@b.c> <d@e.f>"] {
            #expect(throws: EmailError.self, "\(text)") { try Mailbox(text) }
        }
        #expect(throws: EmailError.self) { try Mailbox.list("good@example.com, bad@") }
    }
}
