import Foundation

extension JSONTextSamples {
    /// Keys of the hand-written conformances below.
    enum Key: String, CodingKey {
        case a, b, c
    }

    /// A key whose text is given: two keys can be the same text written differently.
    struct TextKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ text: String) { stringValue = text }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Writes into a nested object after a sibling array has closed it.
    struct Interleaved: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var object = container.nestedContainer(keyedBy: Key.self, forKey: .a)
            var array = container.nestedUnkeyedContainer(forKey: .b)
            try object.encode(1, forKey: .a)
            try array.encode("two")
            try object.encode(3, forKey: .b)
            try array.encode("four")
            try container.encode(5, forKey: .c)
        }
    }

    /// A superclass writing its part through `superEncoder`.
    class Base: Encodable {
        let base = "base"
        init() {}

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(base, forKey: .a)
        }
    }

    /// A subclass writing its own part, then its superclass's under the key "super".
    final class Derived: Base {
        let derived = [1, 2]

        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(derived, forKey: .b)
            try super.encode(to: container.superEncoder())
        }
    }

    /// Writes one key twice: Foundation keeps the second value.
    struct RepeatedKey: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("first", forKey: .a)
            try container.encode(2, forKey: .b)
            try container.encode("second", forKey: .a)
        }
    }

    /// Asks twice for the nested object under one key: Foundation writes both parts into one object.
    struct RepeatedNested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var first = container.nestedContainer(keyedBy: Key.self, forKey: .a)
            try first.encode(1, forKey: .a)
            var second = container.nestedContainer(keyedBy: Key.self, forKey: .a)
            try second.encode(2, forKey: .b)
        }
    }

    /// Writes "é" as one scalar and as "e" with a combining accent: one key to Swift and to Foundation.
    struct EquivalentKeys: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: TextKey.self)
            try container.encode(1, forKey: TextKey("caf\u{E9}"))
            try container.encode(2, forKey: TextKey("other"))
            try container.encode(3, forKey: TextKey("cafe\u{301}"))
        }
    }

    /// Catches the error of a number JSON cannot hold and goes on writing.
    struct CaughtFailure: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try? container.encode(Double.nan, forKey: .a)
            try container.encode(2, forKey: .b)
        }
    }

    /// The first part of ``SharedObject``.
    struct FirstPart: Encodable {
        var a = 1
        var b = ["x": [1.5]]
    }

    /// The second part of ``SharedObject``.
    struct SecondPart: Encodable {
        var c: String? = "c"
    }

    /// Two values writing into one object through the same encoder, as a subclass and its superclass
    /// do when both ask the encoder for its keyed container.
    struct SharedObject: Encodable {
        func encode(to encoder: any Encoder) throws {
            try FirstPart().encode(to: encoder)
            try SecondPart().encode(to: encoder)
        }
    }
}
