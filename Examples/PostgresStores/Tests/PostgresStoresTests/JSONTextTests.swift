import Foundation
import Testing

@testable import PostgresStores

/// The store's JSON writer means exactly what Foundation's `JSONEncoder()` writes: strings of every
/// kind, numbers of every size, the Foundation types it writes its own way, and — through the fallback —
/// conformances a stream cannot follow.
@Suite("JSONTextEncoder writes what JSONEncoder writes")
struct JSONTextTests {
    @Test("seeded random strings, as values and as keys, escape as JSON")
    func randomStrings() throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("JSONTextTests.randomStrings seed \(seed)")
        var random = SplitMix64(seed: seed)
        for round in 0..<200 {
            let strings = (0..<8).map { _ in JSONTextSamples.string(using: &random) }
            let sample = JSONTextSamples.Texts(
                list: strings,
                byKey: Dictionary(strings.map { ($0, $0.count) }, uniquingKeysWith: { first, _ in first }),
                optional: strings.first.flatMap { $0.isEmpty ? nil : $0 }
            )
            try JSONTextEquivalence.expectSame(sample, "seed \(seed), round \(round)")
            // The commit document quotes its own strings the same way.
            for string in strings {
                let quoted = JSONTextEncoder.quoted(string)
                #expect(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)) == string, "seed \(seed)")
                #expect(CommitDocument.quoted(string) == quoted)
            }
        }
    }

    @Test("seeded random doubles and floats keep every bit")
    func randomNumbers() throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("JSONTextTests.randomNumbers seed \(seed)")
        var random = SplitMix64(seed: seed)
        for round in 0..<200 {
            let doubles = (0..<16).map { _ in JSONTextSamples.double(using: &random) }
            let sample = JSONTextSamples.Numbers(
                doubles: doubles,
                floats: doubles.map { Float($0) }.filter(\.isFinite),
                integer: Int(truncatingIfNeeded: random.next()),
                unsigned: random.next()
            )
            try JSONTextEquivalence.expectSame(sample, "seed \(seed), round \(round)")
            for double in doubles {
                let text = try JSONTextEncoder.text(of: double)
                #expect(Double(text)?.bitPattern == double.bitPattern, "\(double) written as \(text), seed \(seed)")
            }
        }
    }

    @Test("integers of every width, Bool, Date, Data, URL, Decimal, nil and absent optionals")
    func everyKindOfValue() throws {
        try JSONTextEquivalence.expectSame(JSONTextSamples.Kinds.extremes, "the extremes")
        try JSONTextEquivalence.expectSame(JSONTextSamples.Kinds.ordinary, "ordinary values")
        try JSONTextEquivalence.expectSame(JSONTextSamples.Choice.allSamples, "an enum with associated values")
        for value in JSONTextSamples.Kinds.extremes.dates {
            #expect(
                try JSONTextEncoder.text(of: value) == String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
            )
        }
        // Without `encodeNil`, a nil optional leaves its key out; with it, the key holds null.
        let absent = String(decoding: try JSONTextEncoder.bytes(of: JSONTextSamples.Kinds.ordinary), as: UTF8.self)
        #expect(!absent.contains("\"nothing\""))
        #expect(absent.contains("\"explicitNull\":null"))
    }

    @Test("a value that encodes nothing is {} inside another and an error at the top, as in Foundation")
    func emptyValues() throws {
        try JSONTextEquivalence.expectSame(JSONTextSamples.Holder(), "empty values inside a value")
        #expect(throws: EncodingError.self) { try JSONTextEncoder.bytes(of: JSONTextSamples.Nothing()) }
        #expect(throws: EncodingError.self) { try JSONTextEncoder.text(of: JSONTextSamples.Nothing()) }
    }

    @Test("a number JSON cannot hold throws EncodingError.invalidValue, streamed or not")
    func nonFiniteNumbersThrow() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try JSONTextEncoder.bytes(of: [1, value]) }
            #expect(throws: EncodingError.self) { try JSONTextEncoder.text(of: ["key": value]) }
        }
        #expect(throws: EncodingError.self) { try JSONTextEncoder.bytes(of: Float.nan) }
        #expect(throws: EncodingError.self) { try JSONTextEncoder.text(of: JSONTextSamples.Numbers.withNaN) }
    }

    @Test("coding paths are Foundation's, down keys, array indexes and single values")
    func codingPaths() throws {
        try JSONTextEquivalence.expectSameText(JSONTextSamples.PathHolder(), "paths")
        let written = String(decoding: try JSONTextEncoder.bytes(of: JSONTextSamples.PathHolder()), as: UTF8.self)
        #expect(written.contains("byKey/a/Index 1"))
    }

    @Test("containers a stream cannot follow fall back to JSONEncoder, with its output")
    func conformancesAStreamCannotFollow() throws {
        let cases: [(String, any Encodable)] = [
            ("a closed container written into", JSONTextSamples.Interleaved()),
            ("a superclass written through superEncoder", JSONTextSamples.Derived()),
            ("a key written twice", JSONTextSamples.RepeatedKey()),
            ("one nested object asked for twice", JSONTextSamples.RepeatedNested()),
            ("a key written twice in two Unicode forms", JSONTextSamples.EquivalentKeys()),
            ("a failure caught by the conformance", JSONTextSamples.CaughtFailure()),
        ]
        for (name, value) in cases {
            #expect(throws: JSONTextEncoder.CannotStream.self, "\(name) is not streamed") {
                try JSONTextEncoder.bytes(of: value)
            }
            try JSONTextEquivalence.expectSameText(value, "\(name)")
        }
        // Asking again for the open object of the same value (a subclass and its superclass) streams.
        try JSONTextEquivalence.expectSameText(JSONTextSamples.SharedObject(), "one object, asked for twice")
        #expect(throws: Never.self) { try JSONTextEncoder.bytes(of: JSONTextSamples.SharedObject()) }
    }
}

/// Compares the store's writer with Foundation's encoder.
enum JSONTextEquivalence {
    /// Expects the streamed JSON of `value` — without the fallback — to parse to what Foundation's does,
    /// and to decode to the value Foundation's decodes to.
    static func expectSame<Value: Codable & Equatable>(
        _ value: Value,
        _ comment: Comment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let foundation = try JSONEncoder().encode(value)
        let streamed = Data(try JSONTextEncoder.bytes(of: value))
        #expect(
            try JSONTree(parsing: streamed) == JSONTree(parsing: foundation),
            "\(comment): \(String(decoding: streamed, as: UTF8.self)) vs \(String(decoding: foundation, as: UTF8.self))",
            sourceLocation: sourceLocation
        )
        let decoder = JSONDecoder()
        #expect(
            try decoder.decode(Value.self, from: streamed) == decoder.decode(Value.self, from: foundation),
            comment,
            sourceLocation: sourceLocation
        )
    }

    /// Expects ``JSONTextEncoder/text(of:)`` — with the fallback — to parse to what Foundation's
    /// encoder writes for `value`.
    static func expectSameText(
        _ value: any Encodable,
        _ comment: Comment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let foundation = try JSONEncoder().encode(value)
        let text = try JSONTextEncoder.text(of: value)
        #expect(
            try JSONTree(parsing: Data(text.utf8)) == JSONTree(parsing: foundation),
            "\(comment): \(text) vs \(String(decoding: foundation, as: UTF8.self))",
            sourceLocation: sourceLocation
        )
    }
}

/// A parsed JSON value: objects compare without their key order, numbers as `Double`.
///
/// Read with `JSONDecoder`'s parser: `JSONSerialization` on Linux drops a U+FEFF that follows an escape
/// (Foundation's own `\/` among them), so it would read Foundation's text wrongly.
enum JSONTree: Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// Parses `data`.
    init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONTree.self, from: data)
    }

    /// Reads whichever JSON value comes.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONTree].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }
}
