import ArgumentParser
import CollectorCore
import CollectorStorage

/// The audit trail: who registered, revoked or reinstated which kiosk, and who added, changed,
/// disabled or enabled which account, and when.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail of administrative actions, oldest first.")

    @OptionGroup var storage: StorageOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let entries = try await CollectorStores.open(storage.database).auditTrail()
        if json {
            print(ListingJSON.audit(entries))
            return
        }
        for entry in entries { print("\(CollectorTime.text(entry.at))\t\(entry.actor)\t\(entry.action.rawValue)\t\(entry.subject)\t\(entry.detail)") }
    }
}
