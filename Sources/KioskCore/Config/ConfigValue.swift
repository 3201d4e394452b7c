/// A parsed configuration document, independent of its file format.
///
/// The TOML reader (`KioskConfigFile`) turns a file into this tree; everything after that,
/// decoding and validation, is pure and lives here.
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// A value of a type the office file never uses (dates, times), kept only to name it in errors.
    case unsupported(typeName: String)

    /// How an error message names this value's type.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .bool: "a boolean"
        case .array: "an array"
        case .table: "a table"
        case .unsupported(let name): name
        }
    }
}
