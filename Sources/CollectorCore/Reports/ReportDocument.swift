/// A report as JSON (`collectord report --format json`): the period, the breakdown, the filters
/// that were given (absent when not) and one row per part.
public struct ReportDocument<Row: Codable & Sendable>: Codable, Sendable {
    public var from: String
    public var to: String
    public var breakdown: String
    public var province: String?
    public var district: String?
    public var office: String?
    public var rows: [Row]

    public init(query: ReportQuery, rows: [Row]) {
        from = query.period.from.description
        to = query.period.to.description
        breakdown = query.breakdown.rawValue
        province = query.province
        district = query.district
        office = query.office
        self.rows = rows
    }
}
