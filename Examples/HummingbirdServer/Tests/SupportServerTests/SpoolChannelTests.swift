import Foundation
import SupportEngine
import SupportServer
import Testing

@Suite("Spool channel")
struct SpoolChannelTests {
    static func message(_ id: String, subject: String = "Re: the course") -> OutboundMessage {
        OutboundMessage(
            id: OutboundID(id),
            ticketID: "T-1",
            messageID: nil,
            recipient: "alice",
            channel: .email,
            subject: subject,
            body: "It is there now.",
            createdAt: Date(timeIntervalSince1970: 1_767_603_600)
        )
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString).jsonl").path
    }

    @Test("each send is one whole line with its idempotency key; a repeat repeats the key")
    func linesCarryTheKey() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let email = try SpoolChannel(kind: .email, path: path)
        let form = try SpoolChannel(kind: .webForm, path: path)
        let receipt = try await email.send(Self.message("O-1", subject: "Line\nbreak \"quoted\""))
        _ = try await form.send(Self.message("O-2"))
        _ = try await email.send(Self.message("O-1"))
        #expect(receipt.externalID == "spool-O-1")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "", "three lines, each ended: \(text)")
        let decoded = try lines.dropLast().map { try JSONDecoder().decode(SpoolChannel.Line.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.idempotencyKey) == ["O-1", "O-2", "O-1"])
        #expect(decoded.map(\.channel) == ["email", "web_form", "email"])
        #expect(decoded[0].subject == "Line\nbreak \"quoted\"", "a subject with a line break stays in its line")
        #expect(decoded[0].ticket == "T-1" && decoded[0].recipient == "alice")
    }

    @Test("a spool that cannot be opened is an error naming the setting and the path")
    func unopenableSpool() {
        let error = #expect(throws: APIError.self) {
            _ = try SpoolChannel(kind: .email, path: "/nonexistent-directory/spool.jsonl")
        }
        #expect(error?.message.contains("OUTBOUND_SPOOL") == true)
        #expect(error?.message.contains("/nonexistent-directory/spool.jsonl") == true)
    }

    @Test("OUTBOUND_SPOOL is read into the settings")
    func settingRead() throws {
        let settings = try ServerSettings.fromEnvironment([
            "SUPPORT_DEMO": "1", "OUTBOUND_SPOOL": "/var/spool/club.jsonl",
        ])
        #expect(settings.outboundSpoolPath == "/var/spool/club.jsonl")
        #expect(try ServerSettings.fromEnvironment(["SUPPORT_DEMO": "1"]).outboundSpoolPath == nil)
    }
}
