import SupportEngine

/// A conformance check that failed: which check, and what the store did wrong.
public struct ConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The check's name.
    public var check: String
    /// What was expected and what happened.
    public var message: String

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - check: The check's name.
    ///   - message: What was expected and what happened.
    public init(check: String, message: String) {
        self.check = check
        self.message = message
    }

    /// `check: message`.
    public var description: String { "\(check): \(message)" }
}

/// The assertions a conformance check makes; failures name the check.
struct ConformanceExpect: Sendable {
    let check: String

    func that(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(check: check, message: message()) }
    }

    func equal<Value: Equatable>(_ actual: Value, _ expected: Value, _ what: String) throws {
        if actual != expected {
            throw ConformanceFailure(check: check, message: "\(what): expected \(expected), got \(actual)")
        }
    }

    func require<Value>(_ value: Value?, _ what: String) throws -> Value {
        guard let value else { throw ConformanceFailure(check: check, message: "\(what) is missing") }
        return value
    }

    func storeError(
        _ code: StoreError.Code,
        _ what: String,
        _ operation: () async throws -> Void
    ) async throws {
        do {
            try await operation()
        } catch let error as StoreError {
            if error.code != code {
                throw ConformanceFailure(check: check, message: "\(what): expected \(code), got \(error)")
            }
            return
        } catch {
            throw ConformanceFailure(check: check, message: "\(what): expected StoreError \(code), got \(error)")
        }
        throw ConformanceFailure(check: check, message: "\(what): expected StoreError \(code), but it succeeded")
    }
}
