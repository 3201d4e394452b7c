/// What a report covers and how it is broken down. `district` (and `province`) also carry a
/// user's limits: district staff always query with their district set.
public struct ReportQuery: Sendable, Equatable {
    public enum Breakdown: String, Sendable, CaseIterable {
        case province, district, office, counter, service, question, day, month
    }

    public var period: ReportPeriod
    public var province: String?
    public var district: String?
    public var office: String?
    public var breakdown: Breakdown

    public init(period: ReportPeriod, province: String? = nil, district: String? = nil, office: String? = nil, breakdown: Breakdown) {
        self.period = period
        self.province = province
        self.district = district
        self.office = office
        self.breakdown = breakdown
    }
}
