import Foundation

extension SupportDesk {
    /// The macros agents may apply, as the configuration names them (``DeskConfiguration/macros``).
    public nonisolated var macros: [Macro] { configuration.macros }

    /// The configured macro with a name, compared regardless of case.
    ///
    /// - Parameter name: The macro's name.
    /// - Returns: The macro, or `nil` when the configuration has none by that name.
    public nonisolated func macro(named name: String) -> Macro? {
        let wanted = name.lowercased()
        return configuration.macros.first { $0.name.lowercased() == wanted }
    }

    /// Applies a configured macro by its name: its reply, status and tags in one commit, as
    /// ``apply(_:to:by:values:expectedVersion:)`` does.
    ///
    /// - Parameters:
    ///   - name: The macro's name, compared regardless of case.
    ///   - id: The ticket.
    ///   - actor: The agent applying it.
    ///   - values: Extra template values for the reply.
    ///   - expectedVersion: The version the agent's screen showed, or `nil`.
    /// - Returns: The ticket as it is now.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` when no macro has that name (the message
    ///   lists the names there are); otherwise as ``apply(_:to:by:values:expectedVersion:)``.
    @discardableResult
    public func apply(
        macroNamed name: String,
        to id: TicketID,
        by actor: SupportActor,
        values: [String: String] = [:],
        expectedVersion: Int? = nil
    ) async throws -> Ticket {
        guard let macro = macro(named: name) else {
            let known = configuration.macros.map { "'\($0.name)'" }.joined(separator: ", ")
            throw DeskError(
                .notFound,
                "no macro is named '\(name.prefix(100))'; "
                    + (known.isEmpty ? "the desk's configuration has no macros" : "the macros are \(known)")
            )
        }
        return try await apply(macro, to: id, by: actor, values: values, expectedVersion: expectedVersion)
    }
}
