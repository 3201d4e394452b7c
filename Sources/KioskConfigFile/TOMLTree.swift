import KioskCore
import TOMLKit

/// Converts TOMLKit's document into KioskCore's format-neutral `ConfigValue` tree.
enum TOMLTree {
    static func entries(of table: TOMLTable) -> [String: ConfigValue] {
        var entries: [String: ConfigValue] = [:]
        for key in table.keys {
            if let value = table[key] {
                entries[key] = convert(value.tomlValue)
            }
        }
        return entries
    }

    static func convert(_ value: TOMLValue) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .table: return .table(value.table.map(entries(of:)) ?? [:])
        case .array: return .array(value.array.map { $0.map { convert($0.tomlValue) } } ?? [])
        case .date: return .unsupported(typeName: "a date")
        case .time: return .unsupported(typeName: "a time")
        case .dateTime: return .unsupported(typeName: "a date-time")
        }
    }
}
