import GRDB

extension Row: SQLRow {
    func text(_ column: String) -> String { self[column] }
    func optionalText(_ column: String) -> String? { self[column] }
    func integer(_ column: String) -> Int { self[column] }
}

extension SQLStatement {
    var sqliteArguments: StatementArguments {
        StatementArguments(
            arguments.map { value -> any DatabaseValueConvertible in
                switch value {
                case .text(let text): text
                case .integer(let integer): integer
                }
            })
    }
}

extension Database {
    func execute(_ statement: SQLStatement) throws {
        try execute(sql: statement.sql, arguments: statement.sqliteArguments)
    }

    func rows(_ statement: SQLStatement) throws -> [Row] {
        try Row.fetchAll(self, sql: statement.sql, arguments: statement.sqliteArguments)
    }
}
