import Foundation
import Hummingbird
import SupportEngine

extension SupportAPI {
    /// `GET /owner/report?from=…&to=…`: the desk's report for the period as a self-contained HTML page
    /// with SVG charts and no scripts, the same page `supportdesk report` writes.
    func ownerReport(_ request: Request) async throws -> Response {
        _ = try tokens.owner(of: request)
        let report = try await deskReport(for: request)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                // The page has no scripts; say so to the browser too.
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: report.html))
        )
    }

    /// `GET /owner/report.json?from=…&to=…`: the same report as JSON (`DeskReport`).
    func ownerReportJSON(_ request: Request) async throws -> Response {
        _ = try tokens.owner(of: request)
        return try JSONResponse.make(try await deskReport(for: request))
    }

    /// The report for the request's `from` and `to`: each an ISO 8601 date (`2026-01-05`, midnight in
    /// the desk's time zone) or date-time (`2026-01-05T09:00:00Z`); `to` is the first instant not
    /// counted.
    private func deskReport(for request: Request) async throws -> DeskReport {
        let parameters = request.uri.queryParameters
        let configuration = await desk.configuration
        let zone =
            configuration.hours?.timeZone ?? configuration.sla?.calendar.timeZone ?? TimeZone(secondsFromGMT: 0)!
        let from = try Self.instant(parameters["from"].map(String.init), named: "from", in: zone)
        let to = try Self.instant(parameters["to"].map(String.init), named: "to", in: zone)
        do {
            return try await desk.report(from: from, to: to)
        } catch let error where error.code == .invalidPeriod {
            throw APIError(.badRequest, "invalid_input", error.message)
        } catch {
            throw APIError(.serviceUnavailable, "storage_unavailable", "the report's tickets could not be read")
        }
    }

    /// Reads one bound of the period.
    static func instant(_ text: String?, named name: String, in zone: TimeZone) throws -> Date {
        guard let text, !text.isEmpty else {
            throw APIError(.badRequest, "invalid_input", "'\(name)' is required: a date (2026-01-05) or date-time")
        }
        if text.count <= 40 {
            let full = ISO8601DateFormatter()
            if let date = full.date(from: text) { return date }
            let day = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            day.timeZone = zone
            if let date = day.date(from: text) { return date }
        }
        throw APIError(
            .badRequest,
            "invalid_input",
            "'\(name)' must be an ISO 8601 date (2026-01-05) or date-time (2026-01-05T09:00:00Z)"
        )
    }
}
