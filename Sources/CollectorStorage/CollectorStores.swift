import CollectorCore

/// Opens the store a `--database` names: a `postgres://` URL, or else the path of a SQLite file.
public enum CollectorStores {
    public static func open(_ location: String) async throws -> any CollectorStore {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            return try await PostgresCollectorStore(url: location)
        }
        return try SQLiteCollectorStore(path: location)
    }
}
