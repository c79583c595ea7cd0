import Foundation
import SupportEngine

/// The frame of every console page: language, title, the one stylesheet, a skip link, the viewer's
/// navigation and sign-out form, and the page's main landmark.
enum ConsoleLayout {
    /// A whole page.
    ///
    /// - Parameters:
    ///   - title: The page's title and first heading.
    ///   - body: The page's content.
    ///   - language: The viewer's language.
    ///   - session: The viewer's session, `nil` before signing in.
    /// - Returns: The document.
    static func page(title: String, body: HTML, language: ConsoleLanguage, session: ConsoleSession?) -> HTML {
        let console = language.say(.console)
        var navigation = HTML.empty
        if let session {
            let link: HTML
            switch session.viewer {
            case .member: link = "<a href=\"/console/my\">\(language.say(.myTickets))</a>"
            case .agent: link = "<a href=\"/console/agent\">\(language.say(.inbox))</a>"
            case .owner: link = "<a href=\"/console/owner\">\(language.say(.ownerInbox))</a>"
            }
            navigation = """
                <nav aria-label="\(console)">\(link)</nav>
                <p class="viewer">\(language.say(.signedInAs, session.viewer.name))</p>
                <form method="post" action="/console/logout" class="inline">\(HTML.csrfField(session.csrf))
                <button type="submit" class="quiet">\(language.say(.signOut))</button></form>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — \(console)</title>
            <link rel="stylesheet" href="/console/style.css">
            </head>
            <body>
            <a class="skip" href="#main">\(language.say(.skipToContent))</a>
            <header class="top"><p class="brand">\(console)</p>\(navigation)</header>
            <main id="main" tabindex="-1">
            <h1>\(title)</h1>
            \(body)
            </main>
            </body>
            </html>
            """
    }

    /// A `<select>` with a visible label; its field is named `name`, or `id` when `name` is `nil` (two
    /// forms on one page need distinct ids for one field name).
    static func select(
        id: String,
        name: String? = nil,
        label: String,
        options: [(value: String, text: String)],
        selected: String? = nil
    ) -> HTML {
        let items = options.map { option -> HTML in
            "<option value=\"\(option.value)\"\(HTML.selected(option.value == selected))>\(option.text)</option>"
        }
        return "<label for=\"\(id)\">\(label)</label><select id=\"\(id)\" name=\"\(name ?? id)\">\(items)</select>"
    }

    /// A status badge.
    static func badge(_ status: TicketStatus, _ language: ConsoleLanguage) -> HTML {
        "<span class=\"badge status-\(status.rawValue)\">\(language.name(of: status))</span>"
    }

    /// A message's text, line breaks kept (the stylesheet keeps them; the text is escaped).
    static func text(_ body: String) -> HTML {
        "<div class=\"text\">\(body)</div>"
    }
}
