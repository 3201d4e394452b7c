import Foundation

/// RFC 3339 date-times: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM`. The offset is
/// required: a time without one would be read in some zone the integrator did not mean.
enum RFC3339Timestamp {
    static let expectedForm =
        "an ISO 8601 date and time with an offset, like 2026-11-23T08:40:00+07:00 or 2026-11-23T01:40:00Z"

    static func parse(_ text: String) -> Date? {
        var rest = text.utf8[...]
        func digits(_ count: Int) -> Int? {
            let taken = rest.prefix(count)
            guard taken.count == count, taken.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            rest = rest.dropFirst(count)
            return taken.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func skip(_ characters: String) -> Bool {
            guard let first = rest.first, characters.utf8.contains(first) else { return false }
            rest = rest.dropFirst()
            return true
        }

        guard let year = digits(4), skip("-"), let month = digits(2), skip("-"), let day = digits(2), skip("Tt"),
            let hour = digits(2), skip(":"), let minute = digits(2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if skip(":") {
            guard let whole = digits(2) else { return nil }
            second = whole
            if skip(".") {
                let fractionDigits = rest.prefix { (0x30...0x39).contains($0) }
                guard !fractionDigits.isEmpty, let value = Double("0." + String(decoding: fractionDigits, as: UTF8.self))
                else { return nil }
                fraction = value
                rest = rest.dropFirst(fractionDigits.count)
            }
        }
        let offsetSeconds: Int
        if skip("Zz") {
            offsetSeconds = 0
        } else {
            guard let sign = rest.first, skip("+-"), let offsetHours = digits(2), skip(":"), let offsetMinutes = digits(2),
                offsetHours <= 23, offsetMinutes <= 59
            else { return nil }
            offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard rest.isEmpty, LocalDay(year: year, month: month, day: day) != nil, hour <= 23, minute <= 59, second <= 59
        else { return nil }

        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let wallClock = utc.date(from: components) else { return nil }
        return wallClock.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// `2026-11-23T08:40:00+07:00`, in `timeZone`.
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!) + sign + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
    }
}
