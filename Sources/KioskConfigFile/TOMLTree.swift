import Foundation
import KioskCore
import TOMLKit

/// Converts TOMLKit's document into KioskCore's format-neutral `ConfigValue` tree.
enum TOMLTree {
    /// Parses TOML text into the neutral tree; a syntax error names its line and column.
    static func parse(_ text: String, file: String) -> Result<[String: ConfigValue], ConfigErrors> {
        do {
            return .success(entries(of: try TOMLTable(string: text)))
        } catch let error as TOMLParseError {
            let position = error.source.begin
            return .failure(ConfigErrors([
                ConfigIssue(file: file, key: "", message: "line \(position.line), column \(position.column): invalid TOML: \(error.description)")
            ]))
        } catch {
            return .failure(ConfigErrors([ConfigIssue(file: file, key: "", message: "invalid TOML: \(error)")]))
        }
    }

    /// Why a file could not be read, in the system's words ("No such file or directory").
    static func describe(_ error: Error) -> String {
        // On Linux the underlying error is a POSIXError value; bridge it rather than cast it.
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return nsError.localizedDescription
    }

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
