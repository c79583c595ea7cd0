import Foundation
import SupportEngine

/// Collects an audit's findings, dropping the fix of a passed check.
struct FindingCollector {
    var findings: [ClubAudit.Finding] = []

    mutating func add(
        _ check: String,
        _ group: Int,
        _ title: String,
        _ passed: Bool,
        _ detail: String,
        fix: String
    ) {
        findings.append(
            ClubAudit.Finding(
                check: check,
                group: ClubAudit.groups[group],
                title: title,
                passed: passed,
                detail: detail,
                fix: passed ? "" : fix
            )
        )
    }
}
