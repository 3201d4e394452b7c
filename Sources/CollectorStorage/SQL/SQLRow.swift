/// A result row of either engine, read by column name, so that the rows of the shared statements
/// are mapped to values once (`KioskRegistration(row:)`, `StaffAccount(row:)`, …).
protocol SQLRow {
    func text(_ column: String) throws -> String
    func optionalText(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int
}
