import Foundation

/// JSON read without a type, for tests that look at what a program printed or answered field by
/// field (the collector's listings and answers, whose types the tests do not link). The one place
/// in the sources that reads JSON into dictionaries; everything kioskd and kioskctl exchange is
/// decoded as KioskProtocol's types instead.
public enum LooseJSON {
    /// The object, or an empty one when the body is not a JSON object.
    public static func object(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// An array of objects, as the `--json` listings print.
    public static func objects(_ text: String) throws -> [[String: Any]] {
        guard let objects = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw HarnessError("expected a JSON array of objects, found: \(text.prefix(200))")
        }
        return objects
    }
}
