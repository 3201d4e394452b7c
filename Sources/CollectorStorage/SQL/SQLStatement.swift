/// One statement of the SQL both engines share, with its arguments; each engine binds them its
/// own way (`StatementArguments`, `PostgresBindings`). Values always travel as arguments, never
/// inside the SQL text.
struct SQLStatement: Sendable, Equatable {
    var sql: String
    var arguments: [SQLValue]
}

/// An argument of a shared statement.
enum SQLValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
}
