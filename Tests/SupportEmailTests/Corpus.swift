import Foundation
import Testing

@testable import SupportEmail

/// The corpus under `Fixtures/`: realistic messages written for this project, each with its expected parse in
/// `Fixtures/expectations.json`.
struct CorpusCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Attachment: Decodable, Sendable {
        var filename: String?
        var mediaType: String
        var size: Int
        var sha256: String
        var inline: Bool
        var contentID: String?
    }

    struct Recipient: Decodable, Sendable {
        var address: String
        var action: String?
        var status: String?
    }

    struct Bounce: Decodable, Sendable {
        var originalMessageID: String?
        var isFailure: Bool
        var recipients: [Recipient]
        var originalSubject: String?
    }

    var file: String
    var from: String
    var fromName: String?
    var subject: String
    var newText: String?
    var classification: String
    var signal: String?
    var messageID: String?
    var inReplyTo: [String]
    var references: [String]
    var ticket: String?
    var ticketLabel: String?
    var html: Bool?
    var to: [String]?
    var cc: [String]?
    var ccNames: [String]?
    var attachments: [Attachment]?
    var bounce: Bounce?
    var warnings: [String]?
    var normalizedSubject: String?
    var date: Double?

    var testDescription: String { file }

    static let directory: URL = {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
            fatalError("the test bundle has no Fixtures directory")
        }
        return url
    }()

    static let all: [CorpusCase] = {
        do {
            let data = try Data(contentsOf: directory.appendingPathComponent("expectations.json"))
            return try JSONDecoder().decode([CorpusCase].self, from: data)
        } catch {
            fatalError("Fixtures/expectations.json does not load: \(error)")
        }
    }()

    /// The raw bytes of every message in the corpus.
    static let messages: [(name: String, bytes: [UInt8])] = all.map { ($0.file, $0.bytes()) }

    func bytes() -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(file)))
        } catch {
            fatalError("Fixtures/\(file) does not load: \(error)")
        }
    }
}
