import Foundation
import Testing

@testable import SupportEmail

@Suite("Email corpus")
struct CorpusTests {
    @Test("the corpus has at least 40 messages")
    func size() {
        #expect(CorpusCase.all.count >= 40)
    }

    @Test("each message parses to its expected values", arguments: CorpusCase.all)
    func parses(_ expected: CorpusCase) throws {
        let email = try EmailParser().parse(expected.bytes())
        #expect(email.from.address.description == expected.from)
        #expect(email.from.displayName == expected.fromName)
        #expect(email.subject == expected.subject)
        if let newText = expected.newText {
            #expect(email.newText == newText)
        }
        #expect(email.messageID == expected.messageID)
        #expect(email.inReplyTo == expected.inReplyTo)
        #expect(email.references == expected.references)
        #expect(email.ticketReference?.value == expected.ticket)
        if let label = expected.ticketLabel {
            #expect(email.ticketReference?.label == label)
        }
        #expect((email.htmlBody != nil) == (expected.html ?? false))
        if let to = expected.to {
            #expect(email.to.map(\.address.description) == to)
        }
        if let cc = expected.cc {
            #expect(email.cc.map(\.address.description) == cc)
        }
        if let names = expected.ccNames {
            #expect(email.cc.compactMap(\.displayName) == names)
        }
        if let normalized = expected.normalizedSubject {
            #expect(email.normalizedSubject == normalized)
        }
        if let seconds = expected.date {
            #expect(email.date == Date(timeIntervalSince1970: seconds))
        }
        let attachments = expected.attachments ?? []
        #expect(email.attachments.count == attachments.count)
        for (actual, wanted) in zip(email.attachments, attachments) {
            #expect(actual.filename == wanted.filename)
            #expect(actual.mediaType == wanted.mediaType)
            #expect(actual.size == wanted.size)
            #expect(actual.sha256 == wanted.sha256)
            #expect(actual.isInline == wanted.inline)
            if let contentID = wanted.contentID {
                #expect(actual.contentID == contentID)
            }
        }
        let warningNames = email.warnings.map { warning -> String in
            switch warning {
            case .malformedHeader: "malformedHeader"
            case .missingBoundary: "missingBoundary"
            case .boundaryNotFound: "boundaryNotFound"
            case .unclosedMultipart: "unclosedMultipart"
            case .unknownCharset: "unknownCharset"
            case .unknownTransferEncoding: "unknownTransferEncoding"
            case .invalidAddressHeader: "invalidAddressHeader"
            }
        }
        #expect(warningNames == (expected.warnings ?? []))
        switch (email.classification, expected.classification) {
        case (.normal, "normal"):
            break
        case (.autoReply(let signal), "autoReply"), (.bulk(let signal), "bulk"):
            #expect(signal == expected.signal)
        case (.bounce(let report), "bounce"):
            let bounce = try #require(expected.bounce)
            #expect(report.originalMessageID == bounce.originalMessageID)
            #expect(report.isFailure == bounce.isFailure)
            #expect(report.recipients.map(\.address) == bounce.recipients.map(\.address))
            #expect(report.recipients.map(\.action) == bounce.recipients.map(\.action))
            #expect(report.recipients.map(\.status) == bounce.recipients.map(\.status))
            if let subject = bounce.originalSubject {
                #expect(report.originalHeaders?["subject"] == subject)
            }
        default:
            Issue.record("classified \(email.classification), expected \(expected.classification)")
        }
    }

    @Test("the corpus covers the clients, languages, charsets and kinds the issue lists")
    func coverage() throws {
        let all = CorpusCase.all
        let texts = all.map { String(decoding: $0.bytes(), as: UTF8.self).lowercased() }
        for charset in ["windows-1251", "koi8-r", "iso-8859-1", "iso-8859-15", "windows-1252", "utf-8"] {
            #expect(
                texts.contains { $0.contains("charset=\(charset)") || $0.contains("charset=\"\(charset)\"") },
                "\(charset)"
            )
        }
        for kind in ["normal", "autoReply", "bulk", "bounce"] {
            #expect(all.contains { $0.classification == kind }, "\(kind)")
        }
        #expect(all.filter { $0.classification == "bounce" }.count >= 4)
        #expect(all.contains { !($0.attachments ?? []).isEmpty })
    }
}
