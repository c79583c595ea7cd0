import Foundation

/// Makes the ids of new tickets, messages and outbound messages.
///
/// Injected into ``SupportDesk`` so that tests and simulations are deterministic
/// (``SequentialIDGenerator``) while production uses ``UUIDGenerator``.
public protocol IDGenerator: Sendable {
    /// Returns a new, never-repeated id.
    ///
    /// - Parameter prefix: A short kind marker such as `"T"` for tickets or `"M"` for messages.
    /// - Returns: The id's text.
    func next(_ prefix: String) -> String
}

/// Random ids: the prefix, a dash and a UUID.
public struct UUIDGenerator: IDGenerator {
    /// Creates the generator.
    public init() {}

    /// Returns `prefix-UUID`.
    ///
    /// - Parameter prefix: A short kind marker.
    /// - Returns: The id's text.
    public func next(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.lowercased())" }
}

/// Counting ids per prefix: `T-000001`, `T-000002`, `M-000001`, ….
///
/// Deterministic, and ids of one prefix sort in creation order.
public final class SequentialIDGenerator: IDGenerator {
    private let counters = LockedBox([String: Int]())

    /// Creates a generator whose counters start at zero.
    public init() {}

    /// Returns the next id for `prefix`, zero-padded to six digits.
    ///
    /// - Parameter prefix: A short kind marker.
    /// - Returns: The id's text.
    public func next(_ prefix: String) -> String {
        // One hash of a prefix that has a counter: it is found once and incremented in place.
        let number = counters.withLock { counters -> Int in
            guard let index = counters.index(forKey: prefix) else {
                counters[prefix] = 1
                return 1
            }
            counters.values[index] += 1
            return counters.values[index]
        }
        let digits = String(number)
        let padding = max(0, 6 - digits.utf8.count)
        var text = prefix
        text.reserveCapacity(prefix.utf8.count + 1 + padding + digits.utf8.count)
        text.append("-")
        if padding > 0 { text.append(String(repeating: "0", count: padding)) }
        text.append(digits)
        return text
    }
}
