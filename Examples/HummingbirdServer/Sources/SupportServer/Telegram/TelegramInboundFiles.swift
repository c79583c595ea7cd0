import Foundation
import Logging
import SupportEngine

/// The files of an inbound message: its photo (the largest size) and its document, fetched through
/// `getFile` and the file download, up to the size limit.
///
/// A file over the limit (Telegram says its size in the update; `getFile` refuses files over 20 MB) or
/// one the Bot API no longer has is not fetched: a line in the message tells the agent it was sent, and
/// the message is received without it. A download that fails on the way (a network error, a 5xx)
/// throws, so the webhook answers with an error and Telegram posts the update again; nothing is stored.
struct TelegramInboundFiles {
    let api: TelegramBotAPI
    let logger: Logger

    /// What came of a message's files.
    struct Collected {
        /// The files fetched.
        var uploads: [AttachmentUpload] = []
        /// A line for each file not fetched.
        var notes: [String] = []
        /// A body for a message with files and no caption, such as `(photo)`; empty when it has none.
        var placeholder = ""
    }

    private struct Wanted {
        var fileID: String
        var name: String
        var mediaType: String
        var size: Int?
    }

    func collect(_ message: TelegramMessage) async throws -> Collected {
        var wanted: [Wanted] = []
        var collected = Collected()
        if let photo = message.photo?.max(by: { $0.width * $0.height < $1.width * $1.height }) {
            let name = "photo-\(message.messageID).jpg"
            wanted.append(Wanted(fileID: photo.fileID, name: name, mediaType: "image/jpeg", size: photo.fileSize))
            collected.placeholder = "(photo)"
        }
        if let document = message.document {
            let name = document.fileName ?? "document-\(message.messageID)"
            wanted.append(
                Wanted(
                    fileID: document.fileID,
                    name: name,
                    mediaType: document.mimeType ?? "application/octet-stream",
                    size: document.fileSize
                )
            )
            collected.placeholder = "(document: \(name))"
        }
        let limit = api.settings.maximumFileBytes
        for file in wanted {
            if let size = file.size, size > limit {
                collected.notes.append(tooLarge(file.name, size: size))
                continue
            }
            do {
                let described = try await api.getFile(file.fileID)
                if let size = described.fileSize, size > limit {
                    collected.notes.append(tooLarge(file.name, size: size))
                    continue
                }
                guard let path = described.filePath else {
                    collected.notes.append("[\(file.name) was sent but Telegram has no copy to download]")
                    continue
                }
                let bytes = try await api.download(path, limit: limit)
                collected.uploads.append(
                    AttachmentUpload(fileName: file.name, mediaType: file.mediaType, content: bytes)
                )
            } catch let error as TelegramAPIError where error.status == 400 {
                // "file is too big" or an id Telegram no longer knows: the file cannot be had.
                logger.notice(
                    "a Telegram file was not fetched",
                    metadata: ["file": "\(file.name)", "error": "\(error)"]
                )
                collected.notes.append("[\(file.name) was sent but could not be fetched: \(error.message)]")
            } catch let error as TelegramError where error.code == .fileTooLarge {
                collected.notes.append(tooLarge(file.name, size: nil))
            }
        }
        return collected
    }

    private func tooLarge(_ name: String, size: Int?) -> String {
        let megabytes = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        let sent = size.map { " (\(megabytes($0)))" } ?? ""
        return "[\(name)\(sent) was sent but not received: the bot takes files up to "
            + "\(megabytes(api.settings.maximumFileBytes)); ask for it by email]"
    }
}
