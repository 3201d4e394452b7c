import KioskConfigFile
import KioskCore
import KioskSeal

/// A year's calendar file as a province admin uploads it, checked exactly as kioskd checks the
/// files it loads (`CalendarFile.parse`, the name `YYYY.toml` against the `year` key included).
public struct CalendarUpload: Sendable, Equatable {
    public let year: Int
    public let toml: String
    /// SHA-256 of the text's UTF-8 bytes, hex.
    public let sha256: String

    /// The file's name and text; every problem with its file, key and expectation.
    public static func check(fileName: String, text: String) -> Result<CalendarUpload, ConfigErrors> {
        guard let fileNameYear = YearCalendarDecoder.year(fromFileName: fileName) else {
            return .failure(ConfigErrors([
                ConfigIssue(file: fileName, key: "", message: "expected a calendar file named YYYY.toml after its year (e.g. 2027.toml), found \"\(fileName)\"")
            ]))
        }
        return CalendarFile.parse(text, file: fileName, fileNameYear: fileNameYear).map { calendar in
            CalendarUpload(year: calendar.year, toml: text, sha256: SealHash.hex(of: Array(text.utf8)))
        }
    }
}
