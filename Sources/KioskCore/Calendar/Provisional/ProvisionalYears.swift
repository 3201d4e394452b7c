import Synchronization

/// A builder's provisional years, each built the first time a date in it is asked about and then
/// kept: a calendar holds only the years its counts have needed, not all of 1900–2100.
final class ProvisionalYears: Sendable {
    let builder: ProvisionalYearBuilder
    private let built = Mutex<[Int: YearCalendar]>([:])

    init(_ builder: ProvisionalYearBuilder) {
        self.builder = builder
    }

    /// Nil outside `ProvisionalYearBuilder.supportedYears`.
    func calendar(for year: Int) -> YearCalendar? {
        if let kept = built.withLock({ $0[year] }) { return kept }
        guard let made = builder.calendar(for: year) else { return nil }
        built.withLock { $0[year] = made }
        return made
    }
}
