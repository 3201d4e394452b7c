import ArgumentParser
import CollectorCore

/// Where the collector keeps its own signing key (the calendars' signer).
struct CollectorKeyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The collector's Ed25519 key file (created, mode 0600, when missing); default: collector-ed25519.key beside a SQLite database, else in /var/lib/collectord.")
    var keyFile: String?

    func path(database: String) -> String {
        keyFile ?? CollectorSigningKey.defaultPath(database: database)
    }

    func load(database: String) throws -> CollectorSigningKey {
        do {
            return try CollectorSigningKey.loadOrCreate(path: path(database: database))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
