/// The choices Bộ luật Lao động 2019, Điều 112 khoản 3 leaves to the Prime Minister each year,
/// made by a written rule for a provisional year. Both rules reproduce every decision since the
/// Code took effect (2021; Tết also 2020, under the 2012 Code's same five days).
public enum ProvisionalChoices {
    /// The five days of Tết Âm lịch: the five working days (Monday–Friday) counted from the first
    /// working day on or after the day two days before mùng 1 Tết.
    ///
    /// Every decision 2020–2026 gave exactly five weekdays, the break running from one or two days
    /// before mùng 1 to at least mùng 3 and joined to a weekend at each end where possible:
    ///
    /// | Tết (mùng 1)        | weekdays off                 | rule gives |
    /// |---------------------|------------------------------|------------|
    /// | Sat 25/01/2020      | Thu 23/01 – Wed 29/01        | same |
    /// | Fri 12/02/2021      | Wed 10/02 – Tue 16/02        | same |
    /// | Tue 01/02/2022      | Mon 31/01 – Fri 04/02        | same |
    /// | Sun 22/01/2023      | Fri 20/01, Mon 23 – Thu 26/01| same |
    /// | Sat 10/02/2024      | Thu 08/02 – Wed 14/02        | same |
    /// | Wed 29/01/2025      | Mon 27/01 – Fri 31/01        | same (2025.toml) |
    /// | Tue 17/02/2026      | Mon 16/02 – Fri 20/02        | same (2026.toml) |
    ///
    /// Weekend days inside the break are weekly rest days, not Tết days, so no compensatory day
    /// follows from them (as in every decision).
    public static func tetDays(newYear: LocalDay, weekend: Set<LocalDay.Weekday>) -> [LocalDay] {
        var day = newYear.adding(days: -2)!
        while weekend.contains(day.weekday) { day = day.next! }
        var days: [LocalDay] = []
        while days.count < 5 {
            if !weekend.contains(day.weekday) { days.append(day) }
            day = day.next!
        }
        return days
    }

    /// The day beside Quốc khánh 2/9: the one that, with 2/9, joins a weekend, as decided since
    /// the Code added it: 2/9 on Monday → Tuesday 3/9 (2024); Tuesday → Monday 1/9 (2025);
    /// Wednesday → Tuesday 1/9 (2026); Thursday → Friday 3/9 (2021); Friday → Thursday 1/9 (2022);
    /// Saturday → Friday 1/9 (2023, with Monday 4/9 as the compensatory day for 2/9). Sunday has
    /// no precedent yet (next in 2029): Monday 3/9, the weekday beside it, with 2/9's
    /// compensatory day on Tuesday 4/9.
    public static func nationalDayNeighbour(of nationalDay: LocalDay) -> LocalDay {
        switch nationalDay.weekday {
        case .monday, .thursday, .sunday: nationalDay.next!
        case .tuesday, .wednesday, .friday, .saturday: nationalDay.adding(days: -1)!
        }
    }
}
