import Foundation
import SupportCore
import Testing

@Suite("Identifiers")
struct IdentifierTests {
    @Test func encodesAsASingleString() throws {
        let id: TicketID = "T-000042"
        let data = try JSONEncoder().encode(id)
        #expect(String(decoding: data, as: UTF8.self) == "\"T-000042\"")
        #expect(try JSONDecoder().decode(TicketID.self, from: data) == id)
    }

    @Test(arguments: [
        ("m-1", true), ("", false), (" m-1", false), ("m-1 ", false), ("m\u{0}1", false),
        ("m\n1", false), (String(repeating: "a", count: 200), true), (String(repeating: "a", count: 201), false),
        ("анна@клуб.рф", true),
    ])
    func wellFormedness(text: String, expected: Bool) {
        #expect(MemberID(text).isWellFormed == expected)
    }

    @Test func ordersByText() {
        #expect(TicketID("T-000001") < TicketID("T-000002"))
    }
}

@Suite("Money")
struct MoneyTests {
    @Test func addsAndSubtractsInMinorUnits() throws {
        let a = Money(minorUnits: 1999, currency: .eur)
        let b = Money(minorUnits: 1, currency: .eur)
        #expect(try a.adding(b) == Money(minorUnits: 2000, currency: .eur))
        #expect(try b.subtracting(a) == Money(minorUnits: -1998, currency: .eur))
        #expect(a.description == "19.99 EUR")
        #expect(Money(minorUnits: -5, currency: .rub).description == "-0.05 RUB")
    }

    @Test func refusesMixedCurrencies() {
        let error = #expect(throws: SupportCoreError.self) {
            try Money(minorUnits: 100, currency: .eur).adding(Money(minorUnits: 100, currency: .usd))
        }
        #expect(error?.code == .currencyMismatch)
        #expect(error?.message.contains("EUR") == true)
    }

    @Test func refusesNegativeInputAndOverflow() {
        let negative = #expect(throws: SupportCoreError.self) {
            try Money(validatingMinorUnits: -1, currency: .eur)
        }
        #expect(negative?.code == .negativeMoney)
        let overflow = #expect(throws: SupportCoreError.self) {
            try Money(minorUnits: .max, currency: .eur).adding(Money(minorUnits: 1, currency: .eur))
        }
        #expect(overflow?.code == .overflow)
    }

    @Test(arguments: [("eur", "EUR"), ("RUB", "RUB"), ("usd", "USD")])
    func currencyCodesFoldCase(text: String, expected: String) {
        #expect(CurrencyCode(rawValue: text)?.rawValue == expected)
    }

    @Test(arguments: ["", "EU", "EURO", "E1R", "€UR"])
    func invalidCurrencyCodes(text: String) {
        #expect(CurrencyCode(rawValue: text) == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CurrencyCode.self, from: Data("\"\(text)\"".utf8))
        }
    }
}

@Suite("Vocabulary")
struct VocabularyTests {
    @Test func prioritiesAreOrdered() {
        #expect(Priority.allCases.sorted() == [.low, .normal, .high, .urgent])
        #expect(Priority.urgent > .high)
    }

    @Test func builtInReasonsAndChannelsAreDistinct() {
        #expect(Set(ContactReason.builtIn).count == ContactReason.builtIn.count)
        #expect(Set(ChannelKind.builtIn).count == ChannelKind.builtIn.count)
        #expect(ContactReason.builtIn.contains(.cancelSubscription))
        #expect(ChannelKind.liveChat.isConversational)
        #expect(!ChannelKind.email.isConversational)
    }

    @Test func hostDefinedValuesRoundTrip() throws {
        let custom = ChannelKind(rawValue: "discord")
        let data = try JSONEncoder().encode([custom])
        #expect(try JSONDecoder().decode([ChannelKind].self, from: data) == [custom])
    }

    @Test(arguments: [("en", "en"), ("RU", "ru"), ("pt_BR", "pt-br"), ("es-419", "es-419")])
    func localeTagsNormalize(text: String, expected: String) {
        #expect(LocaleTag(rawValue: text)?.rawValue == expected)
    }

    @Test(arguments: ["", "e", "english", "en-", "1n", "en--us", "ру"])
    func invalidLocaleTags(text: String) {
        #expect(LocaleTag(rawValue: text) == nil)
    }

    @Test(arguments: [
        SupportActor.member("m-1"), .agent("a-1"), .owner("o-1"), .system,
    ])
    func actorsRoundTrip(actor: SupportActor) throws {
        let data = try JSONEncoder().encode(actor)
        #expect(try JSONDecoder().decode(SupportActor.self, from: data) == actor)
    }

    @Test func actorRoles() {
        #expect(SupportActor.member("m").role == .member)
        #expect(!SupportActor.member("m").isStaff)
        #expect(SupportActor.owner("o").isStaff)
        #expect(SupportActor.owner("o").agentID == "o")
        #expect(SupportActor.member("m").memberID == "m")
        #expect(SupportActor.Role.owner > .agent)
    }

    @Test func actorJSONIsReadable() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(SupportActor.agent("a-1")), as: UTF8.self)
        #expect(text == #"{"id":"a-1","role":"agent"}"#)
    }
}

@Suite("Open vocabularies")
struct OpenVocabularyTests {
    @Test func encodeAsOneStringAndOrderByName() throws {
        let data = try JSONEncoder().encode([ContactReason.access, ContactReason(rawValue: "host_reason")])
        #expect(String(decoding: data, as: UTF8.self) == #"["access","host_reason"]"#)
        #expect(
            try JSONDecoder().decode([ContactReason].self, from: data) == [
                .access, ContactReason(rawValue: "host_reason"),
            ]
        )
        #expect(ChannelKind.email < ChannelKind.telegram)
        #expect(ChannelKind.webForm.description == "web_form")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ChannelKind.self, from: Data("5".utf8)) }
    }
}
