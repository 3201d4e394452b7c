import ArgumentParser
import CollectorCore
import Foundation

/// Where the collector keeps its own signing key (the calendars' signer).
struct CollectorKeyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The collector's Ed25519 key file (created, mode 0600, when missing); default: collector-ed25519.key beside a SQLite database, else in /var/lib/collectord.")
    var keyFile: String?

    func path(database: String) -> String {
        keyFile ?? CollectorSigningKey.defaultPath(database: database)
    }

    /// For `serve`: a key named with `--key-file` must load; the default one may fail (a
    /// PostgreSQL collector without /var/lib/collectord), and then the collector serves everything
    /// but calendar uploads, saying why.
    func loadForServing(database: String) throws -> CollectorSigningKey? {
        guard keyFile == nil else { return try load(database: database) }
        do {
            return try CollectorSigningKey.loadOrCreate(path: path(database: database))
        } catch {
            FileHandle.standardError.write(Data("collectord: \(error); calendar uploads are refused until --key-file names a usable key file\n".utf8))
            return nil
        }
    }

    func load(database: String) throws -> CollectorSigningKey {
        do {
            return try CollectorSigningKey.loadOrCreate(path: path(database: database))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
