import Foundation
import Hummingbird
import SupportEngine

extension SupportAPI {
    /// `GET /owner/inbox`: everything waiting on the owner — escalated refunds, removals waiting for
    /// approval, dead letters, breached open tickets — each with the action that resolves it.
    func ownerInbox(_ request: Request) async throws -> Response {
        _ = try tokens.owner(of: request)
        return try JSONResponse.make(try await desk.ownerInbox())
    }

    /// `POST /owner/dead-letters/:id/retry`: puts a dead-lettered message back in the outbox and tries it
    /// at once; answers with the message as stored after the attempt.
    func retryDeadLetter(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let owner = try tokens.owner(of: request)
        guard let id = context.parameters.get("id"), !id.isEmpty, id.count <= 200 else {
            throw APIError(.badRequest, "invalid_input", "the path needs an outbound message id")
        }
        do {
            return try JSONResponse.make(try await desk.retryDeadLetter(OutboundID(id), by: .owner(owner)))
        } catch let error as DeskError where error.code == .notFound {
            throw APIError(.notFound, "not_found", error.message)
        } catch let error as DeskError where error.code == .invalidInput {
            throw APIError(.conflict, "not_dead_lettered", error.message)
        }
    }

    /// `GET /me/export`: everything the desk holds about the calling member, as one JSON document.
    func myExport(_ request: Request) async throws -> Response {
        let member = try tokens.member(of: request)
        return try JSONResponse.make(try await desk.exportData(of: member, by: .member(member)))
    }

    /// `GET /owner/members/:id/export`: everything the desk holds about a member, for the owner answering
    /// a subject access request.
    func memberExport(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let owner = try tokens.owner(of: request)
        guard let id = context.parameters.get("id"), !id.isEmpty, id.count <= 200 else {
            throw APIError(.badRequest, "invalid_input", "the path needs a member id")
        }
        return try JSONResponse.make(try await desk.exportData(of: MemberID(id), by: .owner(owner)))
    }

    /// `POST /me/erase`: erases everything personal the desk holds about the calling member; answers with
    /// the erasure record. From then on the member's messages are refused with `410 member_erased`.
    func eraseMe(_ request: Request) async throws -> Response {
        let member = try tokens.member(of: request)
        return try JSONResponse.make(try await desk.erase(member: member, by: .member(member)))
    }

    /// `POST /owner/members/:id/erase`: erases everything personal the desk holds about a member, for the
    /// owner answering an erasure request; answers with the erasure record.
    func memberErase(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let owner = try tokens.owner(of: request)
        guard let id = context.parameters.get("id"), !id.isEmpty, id.count <= 200 else {
            throw APIError(.badRequest, "invalid_input", "the path needs a member id")
        }
        return try JSONResponse.make(try await desk.erase(member: MemberID(id), by: .owner(owner)))
    }
}
