import Foundation
import Hummingbird
import Logging
import SupportEngine

/// The web console: server-rendered pages for members (their portal), agents (inbox and tickets) and
/// the owner (the owner's inbox), under `/console`.
///
/// Every page calls the same desk methods as the JSON API. Signing in takes the viewer's API token once
/// and starts a session (an HttpOnly, SameSite=Strict cookie; Secure on HTTPS); every form carries the
/// session's CSRF token; every string from a member is escaped (``HTML``); the pages have no script and
/// are served with a Content-Security-Policy that allows none; they speak English, Russian or Spanish
/// by the browser's `Accept-Language`.
public struct WebConsole: Sendable {
    let api: SupportAPI
    let clock: any SupportClock
    let sessions: ConsoleSessions
    let secureCookies: Bool
    let members: (any MemberDirectory)?
    let database: PostgresConsoleSessionStore?

    /// Creates the console.
    ///
    /// - Parameters:
    ///   - api: The API whose desk, tokens and payments the console uses.
    ///   - clock: The desk's clock, for countdowns and session expiry.
    ///   - secureCookies: Whether cookies carry `Secure` even without `X-Forwarded-Proto: https`
    ///     (`CONSOLE_SECURE_COOKIES=1`, for a server behind a TLS proxy that does not send it).
    ///   - members: The club's members, for each member's own time zone; `nil` shows the desk's zone.
    ///   - sessionStorage: Where sessions are kept: in memory (the default) or in PostgreSQL.
    /// - Throws: ``StoreError`` for a PostgreSQL schema that is not a plain name.
    public init(
        api: SupportAPI,
        clock: any SupportClock,
        secureCookies: Bool = false,
        members: (any MemberDirectory)? = nil,
        sessionStorage: ConsoleSessionStorage = .memory
    ) throws {
        self.api = api
        self.clock = clock
        self.secureCookies = secureCookies
        self.members = members
        switch sessionStorage {
        case .memory:
            self.database = nil
            self.sessions = ConsoleSessions(store: InMemoryConsoleSessionStore(), clock: clock)
        case .postgres(let client, let schema, let logger):
            let store = try PostgresConsoleSessionStore(client: client, schema: schema, logger: logger)
            self.database = store
            self.sessions = ConsoleSessions(store: store, clock: clock)
        }
    }

    /// Creates the session table in PostgreSQL when sessions are kept there; nothing in memory. Run it
    /// after the stores' migration, which creates the schema.
    public func prepare() async throws {
        try await database?.prepare()
    }

    var desk: SupportDesk { api.desk }

    /// Adds the console's routes to a router.
    ///
    /// - Parameter router: The server's router.
    public func add(to router: Router<BasicRequestContext>) {
        router.get("/console") { request, _ in await self.entry(request) }
        router.get("/console/style.css") { _, _ in
            Response(
                status: .ok,
                headers: ConsoleHTTP.headers(contentType: "text/css; charset=utf-8"),
                body: ResponseBody(byteBuffer: ByteBuffer(string: ConsoleStyle.css))
            )
        }
        router.get("/console/login") { request, _ in self.signInPage(request, failed: false) }
        router.post("/console/login") { request, _ in await self.signIn(request) }
        post(router, "/console/logout", for: nil) { page in
            try await self.sessions.end(page.session.id)
            let expired = ConsoleHTTP.setCookie(
                ConsoleHTTP.sessionCookie,
                "",
                maxAge: 0,
                secure: self.isSecure(page.request)
            )
            return ConsoleHTTP.redirect(to: "/console/login", cookies: [expired])
        }
        addMemberPages(to: router)
        addAgentPages(to: router)
        addOwnerPages(to: router)
    }

    // MARK: Serving

    /// Who may open a page.
    enum Audience: Sendable {
        case member, agent, owner
    }

    /// Adds a GET page for an audience (`nil`: anyone signed in).
    func get(
        _ router: Router<BasicRequestContext>,
        _ path: String,
        for audience: Audience?,
        _ handler: @escaping @Sendable (ConsolePageRequest) async throws -> Response
    ) {
        router.get(RouterPath(path)) { request, context in
            await self.serve(request, context, for: audience, isForm: false, handler)
        }
    }

    /// Adds a form's POST for an audience (`nil`: anyone signed in); the CSRF token is checked first.
    func post(
        _ router: Router<BasicRequestContext>,
        _ path: String,
        for audience: Audience?,
        _ handler: @escaping @Sendable (ConsolePageRequest) async throws -> Response
    ) {
        router.post(RouterPath(path)) { request, context in
            await self.serve(request, context, for: audience, isForm: true, handler)
        }
    }

    func serve(
        _ request: Request,
        _ context: BasicRequestContext,
        for audience: Audience?,
        isForm: Bool,
        _ handler: @Sendable (ConsolePageRequest) async throws -> Response
    ) async -> Response {
        let language = ConsoleLanguage.preferred(by: request.headers[.acceptLanguage])
        var found: ConsoleSession?
        if let id = ConsoleHTTP.cookie(ConsoleHTTP.sessionCookie, of: request) {
            do {
                found = try await sessions.session(id)
            } catch {
                context.logger.error("console sessions unavailable", metadata: ["error": "\(error)"])
                return errorPage(.serviceUnavailable, language.say(.failed), language: language, session: nil)
            }
        }
        guard let session = found else {
            if isForm { return errorPage(.forbidden, language.say(.formExpired), language: language, session: nil) }
            return ConsoleHTTP.redirect(to: "/console/login")
        }
        switch (audience, session.viewer) {
        case (nil, _), (.member, .member), (.agent, .agent), (.owner, .owner): break
        default:
            return errorPage(.forbidden, language.say(.forbidden), language: language, session: session)
        }
        var form = ConsoleForm()
        if isForm {
            guard let buffer = try? await request.body.collect(upTo: api.maximumRequestBytes) else {
                return errorPage(.contentTooLarge, language.say(.failed), language: language, session: session)
            }
            form = ConsoleForm.parse(String(buffer: buffer))
            guard let token = form["csrf"], ConstantTimeComparison.equal(token, session.csrf) else {
                return errorPage(.forbidden, language.say(.formExpired), language: language, session: session)
            }
        }
        let page = ConsolePageRequest(
            request: request,
            context: context,
            session: session,
            language: language,
            form: form,
            zone: await zone(of: session.viewer)
        )
        do {
            return try await handler(page)
        } catch {
            guard let answer = APIError.from(error) else {
                context.logger.error(
                    "console page failed",
                    metadata: ["error": "\(error)", "path": "\(request.uri.path)"]
                )
                return errorPage(.internalServerError, language.say(.failed), language: language, session: session)
            }
            let title = answer.status == .notFound ? language.say(.notFound) : answer.message
            return errorPage(answer.status, title, language: language, session: session)
        }
    }

    /// The viewer's time zone: an agent's shift zone, a member's own zone from the member directory,
    /// else the zone of the desk's hours.
    func zone(of viewer: ConsoleViewer) async -> TimeZone {
        let configuration = await desk.configuration
        let deskZone = configuration.hours?.timeZone ?? configuration.sla?.calendar.timeZone ?? .gmt
        switch viewer {
        case .agent(let id), .owner(let id):
            return configuration.agents.first { $0.id == id }?.shift?.timeZone ?? deskZone
        case .member(let id):
            let profile = try? await members?.member(id)
            return profile?.timeZone.flatMap(TimeZone.init(identifier:)) ?? deskZone
        }
    }

    func isSecure(_ request: Request) -> Bool {
        secureCookies || request.headers[HTTPFields.Element.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    func errorPage(
        _ status: HTTPResponse.Status,
        _ message: String,
        language: ConsoleLanguage,
        session: ConsoleSession?
    ) -> Response {
        let back = session.map { HTML("<p><a href=\"\($0.viewer.home)\">\(language.say(.back))</a></p>") } ?? .empty
        let body: HTML = "<p class=\"problem\" role=\"alert\">\(message)</p>\(back)"
        return ConsoleHTTP.page(
            ConsoleLayout.page(title: language.say(.failed), body: body, language: language, session: session),
            status: status
        )
    }

    // MARK: Signing in

    func entry(_ request: Request) async -> Response {
        if let id = ConsoleHTTP.cookie(ConsoleHTTP.sessionCookie, of: request),
            let session = try? await sessions.session(id)
        {
            return ConsoleHTTP.redirect(to: session.viewer.home)
        }
        return ConsoleHTTP.redirect(to: "/console/login")
    }

    func signInPage(_ request: Request, failed: Bool) -> Response {
        let language = ConsoleLanguage.preferred(by: request.headers[.acceptLanguage])
        let nonce = ConsoleSessions.randomToken()
        let problem: HTML = failed ? "<p class=\"problem\" role=\"alert\">\(language.say(.wrongToken))</p>" : .empty
        let body: HTML = """
            \(problem)<p>\(language.say(.signInIntro))</p>
            <form method="post" action="/console/login" class="stack">\(HTML.csrfField(nonce))
            <label for="token">\(language.say(.tokenLabel))</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required>
            <button type="submit">\(language.say(.signIn))</button></form>
            """
        return ConsoleHTTP.page(
            ConsoleLayout.page(title: language.say(.signIn), body: body, language: language, session: nil),
            status: failed ? .unauthorized : .ok,
            cookies: [ConsoleHTTP.setCookie(ConsoleHTTP.signInCookie, nonce, maxAge: 3600, secure: isSecure(request))]
        )
    }

    func signIn(_ request: Request) async -> Response {
        let language = ConsoleLanguage.preferred(by: request.headers[.acceptLanguage])
        guard let buffer = try? await request.body.collect(upTo: 4096) else {
            return errorPage(.contentTooLarge, language.say(.failed), language: language, session: nil)
        }
        let form = ConsoleForm.parse(String(buffer: buffer))
        guard let nonce = ConsoleHTTP.cookie(ConsoleHTTP.signInCookie, of: request), let sent = form["csrf"],
            ConstantTimeComparison.equal(nonce, sent)
        else {
            return errorPage(.forbidden, language.say(.formExpired), language: language, session: nil)
        }
        let token = form.trimmed("token") ?? ""
        let tokens = api.tokens
        let viewer: ConsoleViewer
        if let member = ConstantTimeComparison.lookUp(token, in: tokens.members) {
            viewer = .member(member)
        } else if let agent = ConstantTimeComparison.lookUp(token, in: tokens.agents) {
            viewer = .agent(agent)
        } else if let owner = ConstantTimeComparison.lookUp(token, in: tokens.owners) {
            viewer = .owner(owner)
        } else {
            return signInPage(request, failed: true)
        }
        let session: ConsoleSession
        do {
            session = try await sessions.start(for: viewer)
        } catch {
            return errorPage(.serviceUnavailable, language.say(.failed), language: language, session: nil)
        }
        let secure = isSecure(request)
        return ConsoleHTTP.redirect(
            to: viewer.home,
            cookies: [
                ConsoleHTTP.setCookie(ConsoleHTTP.sessionCookie, session.id, maxAge: 8 * 3600, secure: secure),
                ConsoleHTTP.setCookie(ConsoleHTTP.signInCookie, "", maxAge: 0, secure: secure),
            ]
        )
    }
}

/// A console request that passed the session, audience and CSRF checks.
struct ConsolePageRequest: Sendable {
    /// The request.
    let request: Request
    /// Its context, for path parameters.
    let context: BasicRequestContext
    /// The viewer's session.
    let session: ConsoleSession
    /// The viewer's language.
    let language: ConsoleLanguage
    /// The submitted form; empty for a GET.
    let form: ConsoleForm
    /// The viewer's time zone.
    let zone: TimeZone

    /// A path parameter.
    func parameter(_ name: String) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty, value.count <= 200 else {
            throw APIError(.notFound, "not_found", "no such page")
        }
        return value
    }

    /// A page in the viewer's language with the session's header.
    func page(_ title: String, _ body: HTML, status: HTTPResponse.Status = .ok) -> Response {
        ConsoleHTTP.page(
            ConsoleLayout.page(title: title, body: body, language: language, session: session),
            status: status
        )
    }

    /// The phrase in the viewer's language.
    func say(_ phrase: Phrase) -> String { language.say(phrase) }

    /// The phrase in the viewer's language with its value.
    func say(_ phrase: Phrase, _ value: String) -> String { language.say(phrase, value) }

    /// An instant in the viewer's zone and language.
    func time(_ date: Date) -> String { language.time(date, in: zone) }
}
