import Foundation
import KioskCore
import KioskProtocol

/// Which calendars each kiosk has, as the dashboard shows them, and from 1 October the kiosks that
/// lack next year's calendar from the collector (without it, slips for dates next year are
/// refused or provisional).
public struct CalendarCoverage: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var kiosk: String
        public var office: String
        public var district: String
        /// Oldest year first; empty when the kiosk never fetched.
        public var holdings: [CalendarHolding]
        public var lastReported: Date?
        /// The kiosk lacks next year's calendar and it is 1 October or later.
        public var lacksNextYear: Bool
    }

    public var rows: [Row]
    /// The year an alert is about, from 1 October on; nil before.
    public var alertYear: Int?

    /// Active kiosks only: a revoked kiosk cannot fetch.
    public init(kiosks: [KioskRegistration], holdings: [KioskCalendarHolding], today: LocalDay) {
        let alertYear = today.month >= 10 ? today.year + 1 : nil
        let byKiosk = Dictionary(grouping: holdings, by: \.kiosk)
        rows = kiosks.filter { !$0.revoked }.map { kiosk in
            let held = byKiosk[kiosk.id] ?? []
            return Row(
                kiosk: kiosk.id, office: kiosk.officeCode, district: kiosk.district, holdings: held.map(\.holding).sorted(),
                lastReported: held.map(\.reportedAt).max(),
                lacksNextYear: alertYear.map { year in !held.contains { $0.holding.year == year } } ?? false)
        }
        self.alertYear = alertYear
    }

    public var lacking: [Row] { rows.filter(\.lacksNextYear) }
}
