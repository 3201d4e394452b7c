/// A stored day as `collectord days` lists it (`--json`: these fields).
public struct StoredDaySummary: Codable, Sendable, Equatable {
    public var day: String
    public var hash: String
    public var link: ChainLink

    public init(day: String, hash: String, link: ChainLink) {
        self.day = day
        self.hash = hash
        self.link = link
    }
}
