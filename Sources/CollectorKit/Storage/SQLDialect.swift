/// What differs between the collector's two engines in the SQL they share: how arguments are
/// written, how bytes are stored, and how to read one count out of a stored histogram text.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// `?` for SQLite, `$1…` for PostgreSQL. Values always travel as arguments, never inside the SQL text.
    func placeholder(_ index: Int) -> String {
        self == .sqlite ? "?" : "$\(index)"
    }

    var binaryType: String {
        self == .sqlite ? "BLOB" : "BYTEA"
    }

    /// The count in bucket `index` (from 0) of a histogram column stored as "1,0,2,…".
    func histogramBucket(_ column: String, _ index: Int) -> String {
        switch self {
        case .sqlite: "CAST(json_extract('[' || \(column) || ']', '$[\(index)]') AS INTEGER)"
        case .postgres: "CAST(split_part(\(column), ',', \(index + 1)) AS INTEGER)"
        }
    }
}
