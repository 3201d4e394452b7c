import CollectorCore

/// The audit trail's page.
struct AuditPage: DashboardPage {
    struct Entry {
        let at: String
        let actor: String
        /// The action's name as the trail's CSV and `collectord audit` write it.
        let action: String
        let subject: String
        let detail: String

        init(_ entry: AuditEntry) {
            at = CollectorTime.text(entry.at)
            actor = entry.actor
            action = entry.action.rawValue
            subject = entry.subject
            detail = entry.detail
        }
    }

    let title = "Nhật ký quản trị"
    var user: String
    var entries: [Entry]
    var csrf: String?
}
