import Foundation

/// A raw message from `Email/Fixtures`, with its `{{NAME}}` placeholders filled in at the byte level (the
/// fixtures in windows-1251 and KOI8-R stay in their charsets).
enum EmailFixture {
    static let directory: URL = {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
            fatalError("the test bundle has no Email fixtures directory")
        }
        return url
    }()

    /// The fixture's bytes with each `{{key}}` replaced by its value.
    static func bytes(
        _ name: String,
        _ values: [String: String] = [:],
        replacing literals: [String: String] = [:]
    ) throws -> [UInt8] {
        var bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
        for (key, value) in values {
            bytes = replacing(Array("{{\(key)}}".utf8), with: Array(value.utf8), in: bytes)
        }
        for (text, value) in literals {
            bytes = replacing(Array(text.utf8), with: Array(value.utf8), in: bytes)
        }
        return bytes
    }

    private static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, Array(bytes[index..<(index + pattern.count)]) == pattern {
                result += replacement
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
