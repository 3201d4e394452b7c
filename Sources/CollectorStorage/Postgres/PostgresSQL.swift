import PostgresNIO

extension PostgresRandomAccessRow: SQLRow {
    func text(_ column: String) throws -> String { try self[column].decode(String.self) }
    func optionalText(_ column: String) throws -> String? { try self[column].decode(String?.self) }
    func integer(_ column: String) throws -> Int { try self[column].decode(Int.self) }
}

extension SQLStatement {
    var postgresQuery: PostgresQuery {
        var binds = PostgresBindings()
        for argument in arguments {
            switch argument {
            case .text(let text): binds.append(text)
            case .integer(let integer): binds.append(integer)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
