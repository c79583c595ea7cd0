import Foundation

/// Values for ``JSONTextTests``: seeded random text and numbers, every kind of value an encoder takes,
/// and conformances that use their containers in ways a stream cannot follow.
enum JSONTextSamples {
    /// Pieces random strings are made of: ASCII, JSON's special characters, every kind of control
    /// character, composed and combining forms, Cyrillic, emoji with joiners and flags, separators.
    static let pieces: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{B}", "\u{C}", "\r",
        "\u{1B}", "\u{1F}", "\u{7F}", "é", "e\u{301}", "a\u{308}\u{323}", "Ж", "привет", "🧾",
        "👩\u{200D}👩\u{200D}👧", "🇪🇸", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200F}", #"{"id":1}"#, #"\u0041"#,
    ]

    /// A random string of up to eleven pieces.
    static func string(using random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    /// A random finite double: integral, subnormal, of any magnitude, negative zero, decimal-looking,
    /// or one of the awkward extremes.
    static func double(using random: inout SplitMix64) -> Double {
        switch random.next() % 6 {
        case 0: return Double(Int64(truncatingIfNeeded: random.next()) >> Int64(random.next() % 64))
        case 1: return Double(bitPattern: random.next() & 0x800F_FFFF_FFFF_FFFF)
        case 2:
            return Double(
                sign: random.next() & 1 == 0 ? .plus : .minus,
                exponent: Int(random.next() % 2_046) - 1_022,
                significand: 1 + Double(random.next() >> 11) / 9_007_199_254_740_992
            )
        case 3: return -0.0
        case 4: return Double(random.next() % 2_000_001) / 1_000 - 1_000
        default:
            let extremes: [Double] = [
                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
                .leastNonzeroMagnitude, 1e300, 1e-300, 0.1, 1e21, 1e22, 9_007_199_254_740_991, 1, 100,
            ]
            return extremes[Int(random.next() % UInt64(extremes.count))]
        }
    }

    /// Strings as values, as keys and as an optional.
    struct Texts: Codable, Equatable {
        var list: [String]
        var byKey: [String: Int]
        var optional: String?
    }

    /// Numbers of every kind.
    struct Numbers: Codable, Equatable {
        var doubles: [Double]
        var floats: [Float]
        var integer: Int
        var unsigned: UInt64

        /// Numbers with a NaN among them.
        static let withNaN = Numbers(doubles: [1, .nan], floats: [], integer: 0, unsigned: 0)
    }

    /// A value that encodes `null` through its own single value container.
    struct ExplicitNull: Codable, Equatable {
        init() {}
        init(from decoder: any Decoder) throws { _ = try decoder.singleValueContainer().decodeNil() }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    /// Every kind of value an encoder takes, and the Foundation types JSONEncoder writes its own way.
    struct Kinds: Codable, Equatable {
        var int: Int
        var int8: Int8
        var int16: Int16
        var int32: Int32
        var int64: Int64
        var uint: UInt
        var uint8: UInt8
        var uint16: UInt16
        var uint32: UInt32
        var uint64: UInt64
        var flags: [Bool]
        var float: Float
        var dates: [Date]
        var data: [Data]
        var urls: [URL]
        var decimals: [Decimal]
        var nothing: Int?
        var nestedNil: Int??
        var explicitNull: ExplicitNull
        var mixed: [Int: [String?]]

        /// The smallest and largest of each kind.
        static let extremes = Kinds(
            int: .min,
            int8: .min,
            int16: .min,
            int32: .min,
            int64: .max,
            uint: .max,
            uint8: .max,
            uint16: .max,
            uint32: .max,
            uint64: .max,
            flags: [true, false],
            float: .greatestFiniteMagnitude,
            dates: [.distantPast, .distantFuture, Date(timeIntervalSinceReferenceDate: -0.000_001)],
            data: [Data(), Data((0...255).map { UInt8($0) })],
            urls: [URL(string: "https://club.example/a%20b?q=\"x\"#f")!, URL(fileURLWithPath: "/tmp/a b/Ж")],
            decimals: [Decimal(string: "-123456789012345678901234567890.123")!, Decimal(), Decimal(string: "1e-20")!],
            nothing: nil,
            nestedNil: .some(nil),
            explicitNull: ExplicitNull(),
            mixed: [-1: [nil, "x"], 0: [], Int.max: ["\u{0}"]]
        )

        /// Everyday values.
        static let ordinary = Kinds(
            int: 42,
            int8: 7,
            int16: -300,
            int32: 70_000,
            int64: -1,
            uint: 0,
            uint8: 10,
            uint16: 1_000,
            uint32: 1 << 31,
            uint64: 1 << 63,
            flags: [],
            float: 0.1,
            dates: [Date(timeIntervalSinceReferenceDate: 786_543_210.123_456_789)],
            data: [Data("hello".utf8)],
            urls: [URL(string: "mailto:anna@club.example")!],
            decimals: [Decimal(string: "19.99")!],
            nothing: nil,
            nestedNil: 3,
            explicitNull: ExplicitNull(),
            mixed: [1: ["a"]]
        )
    }

    /// An enum with every shape of case the synthesized conformance writes.
    indirect enum Choice: Codable, Equatable {
        case bare
        case unlabeled(Int, String)
        case labeled(amount: Double, note: String?)
        case nested(Choice?)

        /// One of each, nested ones too.
        static let allSamples: [Choice] = [
            .bare, .unlabeled(-1, "x\"y"), .labeled(amount: 2.5, note: nil), .labeled(amount: -0.0, note: "ok"),
            .nested(.nested(.bare)), .nested(nil),
        ]
    }

    /// A value that encodes nothing at all.
    struct Nothing: Codable, Equatable {
        init() {}
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {}
    }

    /// A value that asks for a single value container and writes nothing.
    struct UnwrittenSingle: Codable, Equatable {
        init() {}
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws { _ = encoder.singleValueContainer() }
    }

    /// A value whose single value is a value that encodes nothing.
    struct WrappedNothing: Codable, Equatable {
        init() {}
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(Nothing())
        }
    }

    /// Values that encode nothing, inside a value.
    struct Holder: Codable, Equatable {
        var nothing = Nothing()
        var unwritten = UnwrittenSingle()
        var wrapped = WrappedNothing()
        var list = [Nothing(), Nothing()]
        var emptyList: [Int] = []
        var emptyMap: [String: Int] = [:]
    }

    /// A value that writes its coding path, as its encoder and its container see it.
    struct PathEcho: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            let path = encoder.codingPath.map(\.stringValue).joined(separator: "/")
            try container.encode(path + "|" + container.codingPath.map(\.stringValue).joined(separator: "/"))
        }
    }

    /// A value whose single value is a ``PathEcho``.
    struct PathWrapper: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(PathEcho())
        }
    }

    /// Coding paths through keys, dictionary keys, array indexes, optionals and single values.
    struct PathHolder: Encodable {
        var byKey = ["a": [PathEcho(), PathEcho()]]
        var single = PathWrapper()
        var list = [PathEcho()]
        var optional: PathEcho? = PathEcho()
    }
}
