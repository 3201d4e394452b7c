/// What differs between the collector's two engines in the SQL they share: how arguments are
/// written, how bytes are stored, how to read one count out of a stored histogram text, rows'
/// insertion order, row locks, and how an update reports what it changed.
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

    /// A statement written with `?` for each argument, in order (never a `?` inside a literal):
    /// numbered `$1…` for PostgreSQL.
    func statement(_ sql: String, _ arguments: [SQLValue]) -> SQLStatement {
        guard self == .postgres else { return SQLStatement(sql: sql, arguments: arguments) }
        var numbered = ""
        var index = 0
        for character in sql {
            if character == "?" {
                index += 1
                numbered += placeholder(index)
            } else {
                numbered.append(character)
            }
        }
        return SQLStatement(sql: numbered, arguments: arguments)
    }

    /// The column that orders rows as inserted, for tables without a key of their own.
    var insertionOrder: String {
        self == .sqlite ? "rowid" : "ctid"
    }

    /// Locks the rows a read in a write transaction returns, on PostgreSQL (several collectors
    /// may share it); SQLite's write transaction already holds the whole file.
    var forUpdate: String {
        self == .sqlite ? "" : " FOR UPDATE"
    }

    /// An update that says whether it changed a row: SQLite's writer reads the change count,
    /// PostgreSQL's (whose client gives none) the returned `column`.
    func returning(_ column: String) -> String {
        self == .sqlite ? "" : " RETURNING \(column)"
    }
}
