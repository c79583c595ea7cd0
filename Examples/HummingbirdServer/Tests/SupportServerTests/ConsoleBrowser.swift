import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A browser for the console in tests: keeps the cookies, sends forms with the page's CSRF token, and
/// remembers the last page.
struct ConsoleBrowser {
    let client: any TestClientProtocol
    /// The `Accept-Language` header sent.
    var language = "en"
    /// Cookies by name.
    var cookies: [String: String] = [:]
    /// The last page's body.
    var page = ""
    /// Extra headers for every request.
    var extraHeaders: HTTPFields = [:]

    init(_ client: any TestClientProtocol, language: String = "en") {
        self.client = client
        self.language = language
    }

    /// The CSRF token in the forms of the last page that had any.
    var csrf: String?

    /// The CSRF token in a page's forms.
    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else {
            return nil
        }
        return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// Sends a request with the cookies; keeps the cookies it sets and the page.
    @discardableResult
    mutating func send(_ method: HTTPRequest.Method, _ path: String, body: String? = nil) async throws -> TestResponse {
        var headers = extraHeaders
        headers[.acceptLanguage] = language
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: path,
            method: method,
            headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        )
        for cookie in response.headers[values: .setCookie] {
            let pair = cookie.split(separator: ";")[0].split(
                separator: "=",
                maxSplits: 1,
                omittingEmptySubsequences: false
            )
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies[String(pair[0])] = value.isEmpty ? nil : value
        }
        page = String(buffer: response.body)
        if let token = Self.csrf(in: page) { csrf = token }
        return response
    }

    /// Opens a page.
    @discardableResult
    mutating func get(_ path: String) async throws -> TestResponse {
        try await send(.get, path)
    }

    /// Submits a form with the last page's CSRF token (or the one given), as a browser would.
    @discardableResult
    mutating func submit(_ path: String, _ fields: [String: String], csrf: String? = nil) async throws -> TestResponse {
        var all = fields
        if let token = csrf ?? self.csrf { all["csrf"] = token }
        return try await send(.post, path, body: Self.encode(all))
    }

    /// Signs in with an API token from the sign-in page.
    mutating func signIn(_ token: String) async throws {
        try await get("/console/login")
        let response = try await submit("/console/login", ["token": token])
        #expect(response.status == .seeOther, "signing in with \(token) answered \(response.status)")
    }

    /// `a=1&b=two%20words`.
    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    /// The id of the first ticket link on the last page under a path such as `/console/my/tickets/`.
    func firstTicket(under prefix: String) -> String? {
        guard let start = page.range(of: "href=\"\(prefix)") else { return nil }
        let rest = page[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
