import Foundation
import Hummingbird
import SupportEngine

/// `POST /agent/tickets/{id}/macro`: the configured macro to apply, by name.
public struct MacroBody: Codable, Sendable, Hashable {
    /// The macro's name, as `GET /agent/macros` lists it (compared regardless of case).
    public var name: String
    /// Extra values for the reply's template, such as `{"link": "https://…"}`.
    public var values: [String: String]?
    /// The ticket's version the agent's screen showed; a newer ticket answers 409 `stale_ticket`.
    public var expectedVersion: Int?

    /// Creates a body.
    ///
    /// - Parameters:
    ///   - name: The macro's name.
    ///   - values: Extra template values.
    ///   - expectedVersion: The version the screen showed, or `nil`.
    public init(name: String, values: [String: String]? = nil, expectedVersion: Int? = nil) {
        self.name = name
        self.values = values
        self.expectedVersion = expectedVersion
    }
}

extension SupportAPI {
    /// The most template values a macro request may carry, and the longest value.
    static let maximumMacroValues = 20
    static let maximumMacroValueLength = 2_000

    /// `GET /agent/macros`: the macros of the desk's configuration, in the order it lists them.
    func macros(_ request: Request) async throws -> Response {
        _ = try tokens.agent(of: request)
        return try JSONResponse.make(desk.macros)
    }

    /// `POST /agent/tickets/{id}/macro`: applies a configured macro to the ticket.
    func applyMacro(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let body = try await JSONResponse.decode(MacroBody.self, from: request, limit: maximumRequestBytes)
        guard !body.name.isEmpty, body.name.count <= 100 else {
            throw APIError(.badRequest, "invalid_input", "'name' must be a macro's name, as GET /agent/macros lists it")
        }
        let values = body.values ?? [:]
        guard values.count <= Self.maximumMacroValues,
            values.allSatisfy({
                !$0.key.isEmpty && $0.key.count <= 100 && $0.value.count <= Self.maximumMacroValueLength
            })
        else {
            throw APIError(
                .badRequest,
                "invalid_input",
                "'values' holds at most \(Self.maximumMacroValues) named values of up to "
                    + "\(Self.maximumMacroValueLength) characters each"
            )
        }
        if let version = body.expectedVersion, version < 1 {
            throw APIError(.badRequest, "invalid_input", "'expectedVersion' must be a ticket version, 1 or more")
        }
        do {
            try await desk.apply(
                macroNamed: body.name,
                to: id,
                by: .agent(agent),
                values: values,
                expectedVersion: body.expectedVersion
            )
        } catch let error as TemplateError {
            throw APIError(.badRequest, "invalid_input", error.message)
        }
        return try await agentResponse(id)
    }
}
