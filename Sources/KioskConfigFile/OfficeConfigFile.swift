import Foundation
import KioskCore
import TOMLKit

/// Reads an office file (TOML) and decodes it, collecting every error with file, key and expectation.
public enum OfficeConfigFile {
    public static func load(path: String) -> Result<OfficeConfig, ConfigErrors> {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return .failure(ConfigErrors([ConfigIssue(file: path, key: "", message: "cannot read the file: \(describe(error))")]))
        }
        return parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) -> Result<OfficeConfig, ConfigErrors> {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            return .failure(ConfigErrors([
                ConfigIssue(file: file, key: "", message: "line \(position.line), column \(position.column): invalid TOML: \(error.description)")
            ]))
        } catch {
            return .failure(ConfigErrors([ConfigIssue(file: file, key: "", message: "invalid TOML: \(error)")]))
        }
        return OfficeConfigDecoder.decode(TOMLTree.entries(of: table), file: file)
    }

    private static func describe(_ error: Error) -> String {
        // On Linux the underlying error is a POSIXError value; bridge it rather than cast it.
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return nsError.localizedDescription
    }
}
