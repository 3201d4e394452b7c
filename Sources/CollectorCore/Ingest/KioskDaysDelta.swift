import KioskCore

/// What a batch of newly stored days adds to each kiosk's row of `kiosk_days`: how many days it
/// stores, and the first and last of them. Only the writer holding a kiosk's lock touches its
/// row, so the order of the rows does not matter.
package struct KioskDaysDelta {
    package struct Row {
        package var kiosk: String
        package var stored: Int
        package var first: LocalDay
        package var last: LocalDay
    }

    package private(set) var rows: [Row] = []

    package init(_ days: [VerifiedDay]) {
        var byKiosk: [String: Int] = [:]
        for day in days {
            let date = day.tallies.day
            if let index = byKiosk[day.kiosk.id] {
                rows[index].stored += 1
                rows[index].first = min(rows[index].first, date)
                rows[index].last = max(rows[index].last, date)
            } else {
                byKiosk[day.kiosk.id] = rows.count
                rows.append(Row(kiosk: day.kiosk.id, stored: 1, first: date, last: date))
            }
        }
    }
}
