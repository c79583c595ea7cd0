import Foundation
import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`).
struct ConsoleForm: Sendable, Hashable {
    /// Field names to values; a repeated field keeps its first value.
    var fields: [String: String] = [:]

    /// Parses `a=1&b=two+words`.
    static func parse(_ text: String) -> ConsoleForm {
        var form = ConsoleForm()
        for pair in text.split(separator: "&").prefix(200) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            guard !name.isEmpty, form.fields[name] == nil else { continue }
            form.fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// A field's value, `nil` when absent.
    subscript(name: String) -> String? { fields[name] }

    /// A field's value with surrounding white space removed; `nil` when absent or blank.
    func trimmed(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// A field that must be filled in.
    ///
    /// - Throws: ``APIError`` 400 naming the field when it is absent or blank.
    func required(_ name: String) throws -> String {
        guard let value = trimmed(name) else {
            throw APIError(.badRequest, "invalid_input", "the field '\(name)' is empty")
        }
        return value
    }
}

/// Cookies and the headers every console response carries.
enum ConsoleHTTP {
    /// The session cookie.
    static let sessionCookie = "console_session"
    /// The sign-in form's cookie, matched against the form's hidden field (there is no session yet).
    static let signInCookie = "console_signin"

    /// The policy: nothing from elsewhere, no inline script or style, forms post only here.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// The value of a cookie the request carries.
    static func cookie(_ name: String, of request: Request) -> String? {
        for field in request.headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
        }
        return nil
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, for `/console` only, Secure on HTTPS.
    static func setCookie(_ name: String, _ value: String, maxAge: Int, secure: Bool) -> String {
        "\(name)=\(value); Path=/console; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The headers of every console response.
    static func headers(contentType: String = "text/html; charset=utf-8") -> HTTPFields {
        var headers: HTTPFields = [
            .contentType: contentType,
            .contentSecurityPolicy: contentSecurityPolicy,
            .cacheControl: "no-store",
        ]
        headers[HTTPFields.Element.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPFields.Element.Name("Referrer-Policy")!] = "same-origin"
        headers[HTTPFields.Element.Name("X-Frame-Options")!] = "DENY"
        return headers
    }

    /// A page.
    static func page(_ html: HTML, status: HTTPResponse.Status = .ok, cookies: [String] = []) -> Response {
        var headers = headers()
        for cookie in cookies { headers.append(HTTPFields.Element(name: .setCookie, value: cookie)) }
        return Response(
            status: status,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: html.rendered))
        )
    }

    /// A redirect after a form (303, so the browser asks with GET).
    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var headers = headers()
        headers[.location] = location
        for cookie in cookies { headers.append(HTTPFields.Element(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}
