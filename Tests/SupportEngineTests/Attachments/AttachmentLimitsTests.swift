import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Attachment limits")
struct AttachmentLimitsTests {
    typealias F = AttachmentFixtures

    @Test("an ordinary screenshot, photo and PDF are kept")
    func ordinaryFilesKept() {
        let uploads = [
            F.screenshot(), F.file("photo.jpg", "image/jpeg", size: 2_000),
            F.file("bill.pdf", "application/pdf", size: 900),
        ]
        let sorted = AttachmentLimits().sort(uploads)
        #expect(sorted.kept == uploads)
        #expect(sorted.refused.isEmpty)
    }

    @Test(
        "programs and scripts are blocked by type or by name ending",
        arguments: [
            ("setup.exe", "application/octet-stream"), ("run.BAT", "text/plain"), ("invoice.pdf.js", "text/plain"),
            ("tool", "application/x-msdownload"), ("app.apk", "application/vnd.android.package-archive"),
            ("script.sh", "application/x-sh"),
        ]
    )
    func executablesBlocked(_ name: String, _ type: String) throws {
        let sorted = AttachmentLimits().sort([F.file(name, type, size: 10)])
        let refusal = try #require(sorted.refused.first)
        #expect(sorted.kept.isEmpty)
        #expect(refusal.error.code == .blockedType)
        #expect(refusal.fileName == name)
        #expect(refusal.error.message.contains("screenshot, a photo or a document"))
    }

    @Test("a file over the size limit is refused with both sizes named; the others are kept")
    func fileTooLarge() throws {
        var limits = AttachmentLimits()
        limits.maximumFileBytes = 1024
        let big = F.file("video.mp4", "video/mp4", size: 3 * 1024 + 200)
        let sorted = limits.sort([F.screenshot(), big])
        #expect(sorted.kept == [F.screenshot()])
        let refusal = try #require(sorted.refused.first)
        #expect(refusal.error.code == .fileTooLarge)
        #expect(refusal.error.message.contains("3 KB"))
        #expect(refusal.error.message.contains("1 KB a file"))
        #expect(refusal.byteSize == big.byteSize)
    }

    @Test("sizes read as people read them", arguments: [(500, "500 bytes"), (2048, "2 KB"), (10_500, "10 KB")])
    func sizes(_ size: Int, _ shown: String) {
        var limits = AttachmentLimits()
        limits.maximumFileBytes = 0
        let refusal = limits.sort([F.file("a.bin", "application/octet-stream", size: size)]).refused.first
        #expect(refusal?.error.message.contains("has \(shown);") == true)
        #expect(refusal?.error.message.contains("the limit is 0 bytes a file") == true)
    }

    @Test("the count limit keeps the first files sent")
    func tooManyFiles() {
        var limits = AttachmentLimits()
        limits.maximumCount = 2
        let uploads = (1...4).map { F.file("shot-\($0).png", "image/png", size: 10, fill: UInt8($0)) }
        let sorted = limits.sort(uploads)
        #expect(sorted.kept == Array(uploads.prefix(2)))
        #expect(sorted.refused.map(\.fileName) == ["shot-3.png", "shot-4.png"])
        #expect(sorted.refused.allSatisfy { $0.error.code == .tooManyFiles })
    }

    @Test("the total limit counts only the files kept, in order")
    func totalTooLarge() {
        var limits = AttachmentLimits()
        limits.maximumTotalBytes = 100
        // 60 kept, 50 would pass 100, 40 fits after the refusal, 1 more passes.
        let uploads = [60, 50, 40, 1].enumerated().map { F.file("f\($0.offset).png", "image/png", size: $0.element) }
        let sorted = limits.sort(uploads)
        #expect(sorted.kept.map(\.fileName) == ["f0.png", "f2.png"])
        #expect(sorted.refused.map(\.fileName) == ["f1.png", "f3.png"])
        #expect(sorted.refused.allSatisfy { $0.error.code == .totalTooLarge })
    }

    @Test("an allow-list keeps only its types and families; blocked types lose even when allowed")
    func allowList() {
        var limits = AttachmentLimits()
        limits.allowedMediaTypes = ["image/*", "application/pdf", "application/x-msdownload"]
        let uploads = [
            F.file("a.png", "image/png", size: 1), F.file("b.pdf", "application/pdf", size: 1),
            F.file("c.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 1),
            F.file("d", "application/x-msdownload", size: 1),
        ]
        let sorted = limits.sort(uploads)
        #expect(sorted.kept.map(\.fileName) == ["a.png", "b.pdf"])
        #expect(sorted.refused.map(\.error.code) == [.typeNotAllowed, .blockedType])
        #expect(sorted.refused.first?.error.message.contains("image/*, application/pdf") == true)
    }

    @Test("names keep only their last path part, and a name with control characters is refused, shown safely")
    func names() throws {
        #expect(F.file("C:\\Users\\ana\\shot.png", "image/png", size: 1).fileName == "shot.png")
        #expect(F.file("../../etc/passwd", "text/plain", size: 1).fileName == "passwd")
        #expect(AttachmentUpload(fileName: "  ", mediaType: nil, content: []).fileName == "attachment")
        #expect(AttachmentUpload(fileName: nil, mediaType: nil, content: []).mediaType == "application/octet-stream")
        let sorted = AttachmentLimits().sort([F.file("bad\u{0}name\u{7}.png", "image/png", size: 1)])
        let refusal = try #require(sorted.refused.first)
        #expect(refusal.error.code == .invalidName)
        #expect(refusal.fileName == "bad?name?.png")
        let long = AttachmentLimits().sort([F.file(String(repeating: "я", count: 200) + ".png", "image/png", size: 1)])
        #expect(long.refused.first?.error.code == .invalidName)
    }

    @Test("a media type that is not type/subtype is refused")
    func invalidMediaType() {
        let sorted = AttachmentLimits().sort([F.file("a.png", "png", size: 1), F.file("b.png", "image/p ng", size: 1)])
        #expect(sorted.refused.map(\.error.code) == [.invalidMediaType, .invalidMediaType])
    }

    @Test("validate throws the first refusal, naming the file")
    func validateForAgents() {
        let error = #expect(throws: AttachmentError.self) {
            try AttachmentLimits().validate([F.screenshot(), F.file("x.exe", "application/octet-stream", size: 1)])
        }
        #expect(error?.code == .blockedType)
        #expect(error?.message.hasPrefix("x.exe: ") == true)
    }

    @Test("a desk refuses limits that cannot hold, naming the setting")
    func invalidLimits() {
        var configuration = DeskConfiguration()
        configuration.attachmentLimits.maximumCount = -1
        let error = #expect(throws: DeskConfigurationError.self) {
            _ = try SupportDesk(store: InMemoryTicketStore(), clock: ManualClock(), configuration: configuration)
        }
        #expect(error?.description.contains("DeskConfiguration.attachmentLimits") == true)
        configuration.attachmentLimits = AttachmentLimits(blockedMediaTypes: ["Image/PNG"])
        #expect(throws: DeskConfigurationError.self) {
            _ = try SupportDesk(store: InMemoryTicketStore(), clock: ManualClock(), configuration: configuration)
        }
    }
}
