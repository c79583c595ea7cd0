import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

/// The OpenAPI document against the routes the server registers.
@Suite("The OpenAPI document describes every route")
struct OpenAPIDocumentTests {
    /// The HTTP methods an OpenAPI path item may hold.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The roles an operation may name in `x-role`.
    static let roles: Set<String> = ["member", "agent", "owner", "webhook", "backend", "metrics", "telegram", "none"]

    /// The document as a JSON object.
    static func document() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try OpenAPIDocument.data())
        return try #require(object as? [String: Any], "the document is not a JSON object")
    }

    /// The operations of the document: `"GET /me/tickets/{id}"` to the operation.
    static func operations(of document: [String: Any]) throws -> [String: [String: Any]] {
        let paths = try #require(document["paths"] as? [String: Any], "the document has no 'paths' object")
        var operations: [String: [String: Any]] = [:]
        for (path, item) in paths {
            let item = try #require(item as? [String: Any], "the path item of \(path) is not an object")
            for (method, operation) in item where methods.contains(method) {
                operations["\(method.uppercased()) \(path)"] = try #require(
                    operation as? [String: Any],
                    "\(method.uppercased()) \(path) is not an object"
                )
            }
        }
        return operations
    }

    /// The server's routes, as `"GET /me/tickets/{id}"`, from the router the server serves (with a
    /// Telegram bot configured, so that its routes are there too).
    static func routes() async throws -> Set<String> {
        var logger = Logger(label: "support-server-tests")
        logger.logLevel = .warning
        let settings = ServerSettings(host: "127.0.0.1", port: 0, allowsDemoTokens: true)
        let (_, api) = try await buildApplication(
            settings: settings,
            configuration: try demoDeskConfiguration(),
            clock: ManualClock(now: TestServer.monday),
            logger: logger
        )
        let router = serverRouter(
            api: api,
            operations: OperationsRoutes(
                desk: api.desk,
                tokens: api.tokens,
                endpoints: [],
                ledger: InMemoryWebhookLedger(),
                metrics: ServerMetrics(),
                metricsToken: nil
            ),
            telegram: try TelegramFixture.bot(apiURL: "http://127.0.0.1:9").routes(
                desk: api.desk,
                members: InMemoryMemberDirectory(demoMembers),
                tokens: api.tokens,
                logger: logger
            )
        )
        return Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
    }

    @Test("every registered route is in the document, and every documented operation is a route")
    func routesMatch() async throws {
        let routes = try await Self.routes()
        let documented = Set(try Self.operations(of: try Self.document()).keys)
        #expect(routes.count >= 30, "the router lists \(routes.count) routes; expected the whole API")
        let undocumented = routes.subtracting(documented).sorted()
        let unrouted = documented.subtracting(routes).sorted()
        #expect(
            undocumented.isEmpty,
            "routes missing from Resources/openapi.json:\n  \(undocumented.joined(separator: "\n  "))"
        )
        #expect(
            unrouted.isEmpty,
            "operations in Resources/openapi.json the server does not route:\n  \(unrouted.joined(separator: "\n  "))"
        )
    }

    @Test("the document declares OpenAPI 3.1; every operation names its role, its security and its answers")
    func operationsAreComplete() throws {
        let document = try Self.document()
        let version = try #require(document["openapi"] as? String, "the document has no 'openapi' version")
        #expect(version.hasPrefix("3.1."), "the document declares openapi \(version), not 3.1.x")
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: Any])
        #expect(schemes["bearerToken"] != nil, "the document has no 'bearerToken' security scheme")
        let operations = try Self.operations(of: document)
        #expect(!operations.isEmpty)
        var problems: [String] = []
        for (name, operation) in operations.sorted(by: { $0.key < $1.key }) {
            let role = operation["x-role"] as? String
            if let role, Self.roles.contains(role) {
                let description = operation["description"] as? String ?? ""
                if !description.contains("Role: **\(role)**") {
                    problems.append("\(name): the description does not say 'Role: **\(role)**'")
                }
                let security = operation["security"] as? [[String: Any]]
                switch (role, security) {
                case ("none", .some(let requirements)) where requirements.isEmpty: break
                case ("none", _): problems.append("\(name): role none needs 'security: []'")
                case ("telegram", .some(let requirements))
                where requirements.contains(where: { $0["telegramSecret"] != nil }):
                    break
                case ("telegram", _): problems.append("\(name): role telegram needs the telegramSecret requirement")
                case (_, .some(let requirements)) where requirements.contains(where: { $0["bearerToken"] != nil }):
                    break
                default: problems.append("\(name): role \(role) needs the bearerToken security requirement")
                }
            } else {
                problems.append("\(name): 'x-role' is missing or not one of \(Self.roles.sorted())")
            }
            let responses = operation["responses"] as? [String: Any] ?? [:]
            if responses.isEmpty { problems.append("\(name): no responses") }
            if role != "none", role != "metrics", responses["401"] == nil {
                problems.append("\(name): needs a token but documents no 401")
            }
            // Telegram posts an update again on anything but 2xx, so its webhook answers what it cannot read
            // with 200 (skipped), never 400.
            let needs400 = role != "telegram"
            if operation["requestBody"] != nil, (needs400 && responses["400"] == nil) || responses["413"] == nil {
                problems.append("\(name): takes a body but documents no 400 or 413")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("every $ref in the document points at a component it defines")
    func referencesResolve() throws {
        let data = try OpenAPIDocument.data()
        let document = try Self.document()
        let components = try #require(document["components"] as? [String: Any])
        let text = String(decoding: data, as: UTF8.self)
        let pattern = try NSRegularExpression(
            pattern: "\"\\$ref\"\\s*:\\s*\"#/components/([A-Za-z]+)/([A-Za-z0-9_]+)\""
        )
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(!matches.isEmpty)
        var broken: Set<String> = []
        for match in matches {
            guard let kindRange = Range(match.range(at: 1), in: text),
                let nameRange = Range(match.range(at: 2), in: text)
            else { continue }
            let kind = String(text[kindRange])
            let name = String(text[nameRange])
            if (components[kind] as? [String: Any])?[name] == nil { broken.insert("#/components/\(kind)/\(name)") }
        }
        #expect(broken.isEmpty, "unresolved references: \(broken.sorted())")
    }

    @Test("GET /openapi.json serves the document as JSON without a token")
    func served() async throws {
        let expected = try OpenAPIDocument.data()
        try await TestServer.run { client in
            let response = try await client.call(.get, "/openapi.json", token: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(Data(response.body.readableBytesView) == expected)
        }
    }
}
