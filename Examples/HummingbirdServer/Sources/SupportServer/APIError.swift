import Foundation
import Hummingbird
import SupportEngine

/// An error the API answers with: an HTTP status and a JSON body
/// `{"error": {"code": "…", "message": "…"}}`.
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A stable, machine-readable code such as `invalid_json`.
    public let code: String
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - code: A stable, machine-readable code.
    ///   - message: A sentence a person can act on.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON body of an error.
    public struct Body: Codable, Sendable, Hashable {
        /// The error's code and message.
        public struct Detail: Codable, Sendable, Hashable {
            /// A stable, machine-readable code.
            public var code: String
            /// A sentence a person can act on.
            public var message: String
        }

        /// The error.
        public var error: Detail
    }

    /// Encodes the error as JSON with its status.
    ///
    /// - Parameters:
    ///   - request: The request that failed.
    ///   - context: Its context.
    /// - Returns: The response.
    /// - Throws: When the body cannot be encoded.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(Body(error: .init(code: code, message: message)))
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// `status code: message`.
    public var description: String { "\(status.code) \(code): \(message)" }

    /// The API error for an error thrown by the desk, its store or the framework.
    ///
    /// - Parameter error: What was thrown.
    /// - Returns: The error to answer with; `nil` for an unexpected error (answered with a 500).
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let error as APIError:
            return error
        case let error as DeskError:
            switch error.code {
            case .invalidInput: return APIError(.badRequest, "invalid_input", error.message)
            case .notFound: return APIError(.notFound, "not_found", error.message)
            case .notPermitted: return APIError(.forbidden, "not_permitted", error.message)
            case .conflict: return APIError(.conflict, "conflict", error.message)
            // The member's data was erased: gone for good, not a request to fix and retry.
            case .memberErased: return APIError(.gone, "member_erased", error.message)
            default: return APIError(.badRequest, error.code.description, error.message)
            }
        case let error as ModerationError:
            switch error.code {
            case .notAuthorized: return APIError(.forbidden, "not_permitted", error.message)
            case .unknownEntry: return APIError(.notFound, "not_found", error.message)
            default: return APIError(.conflict, snakeCase(error.code.name), error.message)
            }
        case let error as StaleTicketError:
            return APIError(.conflict, "stale_ticket", error.message)
        case let error as LifecycleError:
            return APIError(.conflict, "not_allowed", error.message)
        case let error as JourneyError:
            switch error.code {
            case .notLeaving, .alreadyAnswered, .conflict:
                return APIError(.conflict, error.code.description, error.message)
            default: return APIError(.badRequest, error.code.description, error.message)
            }
        case let error as StoreError:
            switch error.code {
            case .notFound: return APIError(.notFound, "not_found", error.message)
            case .versionConflict, .duplicateExternalMessage: return APIError(.conflict, "conflict", error.message)
            case .invalidQuery: return APIError(.badRequest, "invalid_query", error.message)
            // Text no store can keep (a NUL character) is the sender's to fix, not an outage to retry.
            case .invalidCommit: return APIError(.badRequest, "invalid_input", error.message)
            // An adapter without the operation (erasure on an older store): say so, never claim it was done.
            case .unsupported: return APIError(.notImplemented, "not_supported", error.message)
            default: return APIError(.serviceUnavailable, "storage_unavailable", "the ticket store is unavailable")
            }
        case let error as EmailError:
            return APIError.from(error)
        case let error as AttachmentError:
            let tooLarge = error.code == .fileTooLarge || error.code == .totalTooLarge
            return APIError(tooLarge ? .contentTooLarge : .badRequest, snakeCase(error.code.name), error.message)
        case let error as HTTPError:
            let code = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            return APIError(error.status, code, error.body ?? error.status.reasonPhrase)
        default:
            return nil
        }
    }
}

/// Turns every error into a JSON error response; unexpected ones are logged and answered with a 500
/// that reveals nothing.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            if let apiError = APIError.from(error) { throw apiError }
            context.logger.error("unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw APIError(.internalServerError, "internal", "something went wrong on our side; try again later")
        }
    }
}
