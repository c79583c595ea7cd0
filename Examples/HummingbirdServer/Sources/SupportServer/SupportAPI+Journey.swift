import Foundation
import Hummingbird
import SupportEngine

/// What a leaver answers in the exit survey.
public struct ExitSurveySubmission: Codable, Sendable, Hashable {
    /// The reasons chosen, such as `too_expensive`.
    public var reasons: [String]
    /// Their own words, if any.
    public var comment: String?

    /// Creates a submission.
    ///
    /// - Parameters:
    ///   - reasons: The reasons chosen.
    ///   - comment: Their own words.
    public init(reasons: [String], comment: String? = nil) {
        self.reasons = reasons
        self.comment = comment
    }
}

/// The owner's announcement that a reason members left for is fixed.
public struct FixSubmission: Codable, Sendable, Hashable {
    /// The fix's id, chosen by the owner.
    public var id: String
    /// The exit reason it answers.
    public var reason: String
    /// What changed.
    public var note: String

    /// Creates a submission.
    ///
    /// - Parameters:
    ///   - id: The fix's id.
    ///   - reason: The exit reason it answers.
    ///   - note: What changed.
    public init(id: String, reason: String, note: String) {
        self.id = id
        self.reason = reason
        self.note = note
    }
}

/// Who got a fix's win-back.
public struct FixOutcome: Codable, Sendable, Hashable {
    /// The members written to now.
    public var sent: [MemberID]
    /// The members passed over (removed, suspended), with why.
    public var skipped: [String: String]
    /// Whether the fix id was announced before.
    public var wasAnnouncedBefore: Bool
}

/// A member's journey as the club backend sees it.
public struct JourneySummary: Codable, Sendable, Hashable {
    /// The segment routing uses now.
    public var segment: MemberSegment
    /// The current membership, from 1.
    public var membership: Int
    /// The steps taken, as `welcome`, `exit_survey`, ….
    public var steps: [String]
}

extension SupportAPI {
    /// `POST /backend/members/:id/facts` with `MemberFacts` as JSON (ISO 8601 dates), from the club's
    /// backend: joins, activity, cancellations. Answers with the member's journey.
    func memberFacts(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try tokens.checkBackend(request)
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw APIError(.badRequest, "invalid_input", "the member id is missing from the path")
        }
        let facts = try await JSONResponse.decode(MemberFacts.self, from: request, limit: maximumRequestBytes)
        return try await summary(of: try await desk.journey.updateFacts(MemberID(id), facts))
    }

    /// `POST /me/exit-survey`: the signed-in member answers the exit survey.
    func exitSurvey(_ request: Request) async throws -> Response {
        let member = try tokens.member(of: request)
        let answer = try await JSONResponse.decode(ExitSurveySubmission.self, from: request, limit: maximumRequestBytes)
        let record = try await desk.journey.answerExitSurvey(
            member,
            reasons: answer.reasons.map(ExitReason.init(rawValue:)),
            comment: answer.comment,
            by: .member(member)
        )
        return try await summary(of: record)
    }

    /// `POST /owner/fixes`: the owner announces a fix; every former member who left for its reason
    /// gets one win-back.
    func announceFix(_ request: Request) async throws -> Response {
        let owner = try tokens.owner(of: request)
        let fix = try await JSONResponse.decode(FixSubmission.self, from: request, limit: maximumRequestBytes)
        let result = try await desk.journey.announceFix(
            FixID(fix.id),
            reason: ExitReason(rawValue: fix.reason),
            note: fix.note,
            by: .owner(owner)
        )
        return try JSONResponse.make(
            FixOutcome(
                sent: result.sent,
                skipped: Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.key.rawValue, $0.value) }),
                wasAnnouncedBefore: result.wasAnnouncedBefore
            )
        )
    }

    private func summary(of record: JourneyRecord) async throws -> Response {
        try JSONResponse.make(
            JourneySummary(
                segment: try await desk.journey.segment(of: record.member),
                membership: record.membership,
                steps: record.steps.map(\.step.description)
            )
        )
    }
}
