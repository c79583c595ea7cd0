/// Compares secrets in time that does not depend on where they differ.
///
/// A `==` on strings stops at the first differing byte, so an attacker who can time many requests
/// learns a token byte by byte. These functions always look at every byte of the longer value, and
/// ``lookUp(_:in:)`` looks at every entry of the table.
enum ConstantTimeComparison {
    /// Whether two secrets are equal, in time that depends only on their lengths.
    static func equal(_ given: String, _ expected: String) -> Bool {
        let left = Array(given.utf8)
        let right = Array(expected.utf8)
        var difference = UInt64(truncatingIfNeeded: left.count ^ right.count)
        let length = max(left.count, right.count)
        for index in 0..<length {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= UInt64(a ^ b)
        }
        return difference == 0
    }

    /// The value stored under a secret key, comparing the key with every entry in constant time.
    static func lookUp<Value>(_ given: String, in table: [String: Value]) -> Value? {
        var found: Value?
        for (token, value) in table where equal(given, token) {
            found = value
        }
        return found
    }
}
