import ArgumentParser
import CollectorKit
import Foundation

/// The audit trail: who registered, revoked or reinstated which kiosk, and who added, changed,
/// disabled or enabled which account, and when.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail of administrative actions, oldest first.")

    @OptionGroup var storage: StorageOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let entries = try await CollectorStores.open(storage.database).auditTrail()
        if json {
            let rows = entries.map { ["at": $0.at, "actor": $0.actor, "action": $0.action.rawValue, "subject": $0.subject, "detail": $0.detail] }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        for entry in entries { print("\(entry.at)\t\(entry.actor)\t\(entry.action.rawValue)\t\(entry.subject)\t\(entry.detail)") }
    }
}
