/// One calendar year a kiosk has, at its version: what it reports when it asks the collector for
/// newer files, and what the dashboard shows per kiosk. As text, "2027.2".
public struct CalendarHolding: Codable, Sendable, Equatable, Hashable, Comparable {
    public var year: Int
    public var version: Int

    public init(year: Int, version: Int) {
        self.year = year
        self.version = version
    }

    public var text: String { "\(year).\(version)" }

    /// "2027.2"; nil for anything else (a year of four digits, a version from 1).
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let version = Int(parts[1]), version >= 1,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return nil }
        self.init(year: year, version: version)
    }

    public static func < (lhs: CalendarHolding, rhs: CalendarHolding) -> Bool {
        (lhs.year, lhs.version) < (rhs.year, rhs.version)
    }
}
