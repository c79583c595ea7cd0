import Foundation
import Testing

@testable import SupportEmail

/// Seeded byte-level mutations of the corpus: every mutated message parses or fails with an `EmailError`.
///
/// CI runs a short run; `SUPPORT_EMAIL_MUTATIONS=100000` runs a soak, `SUPPORT_EMAIL_SEED` replays a seed.
@Suite("Email mutation test")
struct MutationTests {
    @Test("mutated corpus messages never crash the parser or escape as another error")
    func mutations() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["SUPPORT_EMAIL_MUTATIONS"].flatMap(Int.init) ?? 3000
        let seed = environment["SUPPORT_EMAIL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max)
        print("MutationTests: \(count) mutations, seed \(seed) (replay with SUPPORT_EMAIL_SEED=\(seed))")
        var generator = SeededGenerator(seed: seed)
        let corpus = CorpusCase.messages
        let parser = EmailParser(limits: EmailParsingLimits(maxMessageBytes: 4 << 20, maxParts: 200))
        var parsed = 0
        var refused = 0
        let started = ContinuousClock.now
        for index in 0..<count {
            let source = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
            var bytes = source.bytes
            let steps = Int.random(in: 1...4, using: &generator)
            for _ in 0..<steps { Self.mutate(&bytes, using: &generator) }
            do {
                let email = try parser.parse(bytes)
                for attachment in email.attachments where attachment.size != attachment.content.count {
                    Issue.record("mutation \(index) of \(source.name), seed \(seed): attachment size disagrees")
                }
                parsed += 1
            } catch is EmailError {
                refused += 1
            } catch {
                Issue.record("mutation \(index) of \(source.name), seed \(seed): \(error)")
            }
        }
        print(
            "MutationTests: \(parsed) parsed, \(refused) refused with EmailError, in \(ContinuousClock.now - started)"
        )
    }

    static func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        guard !bytes.isEmpty else {
            bytes = [UInt8.random(in: 0...255, using: &generator)]
            return
        }
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        let interesting: [[UInt8]] = [
            Array("--".utf8), Array("\r\n".utf8), Array("\n\n".utf8), Array("=?utf-8?B?".utf8), Array("?=".utf8),
            Array("=".utf8), Array("<".utf8), Array(">".utf8), Array("\"".utf8),
            Array("Content-Type: multipart/mixed; boundary=x\r\n".utf8),
            Array("&#x".utf8), Array("<blockquote>".utf8), Array("*0*=".utf8), [0x00], [0xFF], [0xC3],
        ]
        switch Int.random(in: 0..<8, using: &generator) {
        case 0:
            bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
        case 1:
            bytes[position] = UInt8.random(in: 0...255, using: &generator)
        case 2:
            bytes.insert(contentsOf: interesting.randomElement(using: &generator)!, at: position)
        case 3:
            let length = min(bytes.count - position, Int.random(in: 1...64, using: &generator))
            bytes.removeSubrange(position..<(position + length))
        case 4:
            let length = min(bytes.count - position, Int.random(in: 1...256, using: &generator))
            let span = Array(bytes[position..<(position + length)])
            let target = Int.random(in: 0...bytes.count, using: &generator)
            bytes.insert(contentsOf: span, at: target)
        case 5:
            bytes.removeSubrange(position...)
        case 6:
            // Corrupt a boundary line: find the next "--" at a line start and damage what follows.
            var index = position
            while index + 2 < bytes.count, !(bytes[index] == 0x0A && bytes[index + 1] == UInt8(ascii: "-")) {
                index += 1
            }
            if index + 3 < bytes.count {
                let damage = Int.random(in: 0..<3, using: &generator)
                if damage == 0 {
                    bytes.remove(at: index + 3)
                } else if damage == 1 {
                    bytes[index + 3] = UInt8(ascii: "X")
                } else {
                    bytes.insert(contentsOf: Array("--".utf8), at: index + 1)
                }
            }
        default:
            // Swap line-break styles around the position.
            if bytes[position] == 0x0D {
                bytes.remove(at: position)
            } else if bytes[position] == 0x0A {
                bytes.insert(0x0D, at: position)
            } else {
                bytes.insert(0x0A, at: position)
            }
        }
    }
}
