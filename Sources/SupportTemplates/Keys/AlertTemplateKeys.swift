/// Template keys of the alerts the desk sends to people on staff: a subject and a text per kind of
/// event, in English, Russian and Spanish, each overridable per language like any template.
///
/// Every alert text may use `event` (the kind, such as `sla_breach`), `ticket_number` (the ticket's
/// number with the desk's prefix, or its id when it has none), `ticket_id`, `member`, `at` (when it
/// happened, in the recipient's language and time zone), and the event's own values: `metric` (the
/// SLA target's name in the recipient's language), `due_at` (in the recipient's language and zone),
/// `level` (of an escalation), `request` and `amount` (of a refund), `channel`, `attempts` and
/// `outbound` (of a dead letter). A value the event does not carry is empty.
public enum AlertTemplateKeys {
    /// The alert text for a kind of feed event, such as `alert.sla_breach`.
    ///
    /// - Parameter event: The event kind's raw value, such as `sla_breach`.
    /// - Returns: The key `alert.<event>`.
    public static func text(_ event: String) -> TemplateKey { TemplateKey(rawValue: "alert.\(event)") }

    /// The alert subject for a kind of feed event, such as `alert.sla_breach.subject`.
    ///
    /// - Parameter event: The event kind's raw value.
    /// - Returns: The key `alert.<event>.subject`.
    public static func subject(_ event: String) -> TemplateKey {
        TemplateKey(rawValue: "alert.\(event).subject")
    }

    /// The text of an alert for a kind with no text of its own.
    public static let genericText = TemplateKey(rawValue: "alert.event")
    /// The subject of an alert for a kind with no subject of its own.
    public static let genericSubject = TemplateKey(rawValue: "alert.event.subject")

    /// The name of an SLA target in the recipient's language, such as `alert.metric.first_reply`.
    ///
    /// - Parameter metric: The metric's raw value.
    /// - Returns: The key `alert.metric.<metric>`.
    public static func metricName(_ metric: String) -> TemplateKey {
        TemplateKey(rawValue: "alert.metric.\(metric)")
    }
}
