import Foundation
import SupportEngine
import Testing

@Suite("Members' email addresses")
struct MemberEmailAddressTests {
    @Test("a member is found by any of their addresses, whatever the case")
    func findsByAddress() async throws {
        var anna = MemberProfile(id: "anna", displayName: "Anna")
        try anna.addEmailAddress("Anna.Petrova@Example.RU")
        try anna.addEmailAddress("anna@work.example")
        try anna.addEmailAddress("ANNA@work.example")
        #expect(anna.emailAddresses.map(\.description) == ["Anna.Petrova@example.ru", "anna@work.example"])
        let directory = InMemoryMemberDirectory([anna, MemberProfile(id: "ivan", displayName: "Ivan")])

        #expect(try await directory.member(withEmail: EmailAddress("anna.petrova@example.ru"))?.id == "anna")
        #expect(try await directory.member(withEmail: EmailAddress("Anna@Work.Example"))?.id == "anna")
        #expect(try await directory.member(withEmail: EmailAddress("ivan@example.ru")) == nil)
    }

    @Test("an address that does not parse is a typed error and leaves the profile unchanged")
    func refusesMalformedAddress() throws {
        var anna = MemberProfile(id: "anna", displayName: "Anna")
        for text in ["anna", "anna@", "@example.ru", "an na@example.ru", "anna@exa_mple.ru", "a\r\nBcc: x@y.z"] {
            let error = try #require(throws: EmailError.self) { try anna.addEmailAddress(text) }
            #expect(error.code == .invalidAddress)
            #expect(error.message.contains("is not an email address"))
        }
        #expect(anna.emailAddresses.isEmpty)
    }

    @Test("replacing or removing a member moves or drops their addresses")
    func upsertAndRemove() async throws {
        let address = try EmailAddress("shared@example.es")
        let directory = InMemoryMemberDirectory([
            MemberProfile(id: "lucia", displayName: "Lucía", emailAddresses: [address])
        ])
        await directory.upsert(MemberProfile(id: "lucia", displayName: "Lucía", emailAddresses: []))
        #expect(await directory.member(withEmail: address) == nil)
        await directory.upsert(MemberProfile(id: "pablo", displayName: "Pablo", emailAddresses: [address]))
        #expect(await directory.member(withEmail: address)?.id == "pablo")
        await directory.remove("pablo")
        #expect(await directory.member(withEmail: address) == nil)
    }

    @Test("profiles decode without addresses, and a stored address is validated when decoded")
    func decoding() throws {
        let old =
            #"{"id":"anna","displayName":"Anna","locale":"en","segment":"regular","isPaying":true,"contactChannels":["email"]}"#
        let decoded = try JSONDecoder().decode(MemberProfile.self, from: Data(old.utf8))
        #expect(decoded.emailAddresses.isEmpty)

        var anna = MemberProfile(id: "anna", displayName: "Anna")
        try anna.addEmailAddress("anna@example.ru")
        let encoded = try JSONEncoder().encode(anna)
        #expect(try JSONDecoder().decode(MemberProfile.self, from: encoded) == anna)

        let bad = old.replacingOccurrences(of: "}", with: #","emailAddresses":["not an address"]}"#)
        #expect(throws: EmailError.self) { try JSONDecoder().decode(MemberProfile.self, from: Data(bad.utf8)) }
    }
}
