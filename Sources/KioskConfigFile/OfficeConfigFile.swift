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
            return .failure(ConfigErrors([ConfigIssue(file: path, key: "", message: "cannot read the file: \(TOMLTree.describe(error))")]))
        }
        return parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) -> Result<OfficeConfig, ConfigErrors> {
        TOMLTree.parse(text, file: file).flatMap { OfficeConfigDecoder.decode($0, file: file) }
    }

}
