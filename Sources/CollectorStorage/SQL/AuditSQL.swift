import CollectorCore
import Foundation

/// The audit trail's statements, the same on both engines: an entry is written by the store in
/// the transaction of the change it records.
struct AuditSQL {
    let dialect: SQLDialect

    func record(_ actor: String, _ action: AuditEntry.Action, subject: String, detail: String, at date: Date = Date()) -> SQLStatement {
        dialect.statement(
            "INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            [.text(CollectorSchema.timestamp(date)), .text(actor), .text(action.rawValue), .text(subject), .text(detail)])
    }

    /// Oldest first; entries of the same second in the order they were written.
    func trail() -> SQLStatement {
        dialect.statement("SELECT at, actor, action, subject, detail FROM audit ORDER BY at, \(dialect.insertionOrder)", [])
    }
}

extension AuditEntry {
    /// Nil for an action this collector does not know (written by a newer one).
    init?(row: some SQLRow) throws {
        guard let action = AuditEntry.Action(rawValue: try row.text("action")) else { return nil }
        self.init(at: try row.time("at"), actor: try row.text("actor"), action: action, subject: try row.text("subject"), detail: try row.text("detail"))
    }
}
