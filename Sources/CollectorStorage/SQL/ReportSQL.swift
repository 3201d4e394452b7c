import CollectorCore

/// The report queries as SQL both engines run. A period's whole months are read from the monthly
/// rollups and its remaining days from the day rows (`ReportSpan`); the store runs every
/// statement and adds the rows up by key. Values always travel as arguments, never in the SQL.
struct ReportSQL {
    let dialect: SQLDialect

    /// Where the rows of one statement come from: the day rows of a day range, or a monthly rollup.
    private enum Source {
        case days(ClosedRange<String>)
        case months(from: String, to: String)
    }

    /// Answers, satisfied answers and score sums per breakdown key.
    func satisfaction(_ query: ReportQuery) -> [SQLStatement] {
        sources(query).map { source in
            let byOffice = [.province, .district, .office, .month].contains(query.breakdown)
            let from: String
            switch source {
            case .days: from = "day_answer v JOIN sealed_day d ON d.kiosk = v.kiosk AND d.day = v.day"
            case .months: from = byOffice ? "month_office_vote d" : "month_vote d"
            }
            let sums: String
            switch source {
            case .days: sums = "SUM(v.answers) AS answers, SUM(v.satisfied) AS satisfied, SUM(v.score_sum) AS score_sum"
            case .months: sums = "SUM(d.answers) AS answers, SUM(d.satisfied) AS satisfied, SUM(d.score_sum) AS score_sum"
            }
            let (key, label) = keyColumns(query.breakdown, source: source, row: "v")
            return statement(
                "SELECT \(key) AS key, \(label) AS label, \(sums) FROM \(from) \(officeNames(query.breakdown))", source: source, query: query,
                groupBy: "GROUP BY 1, 2")
        }
    }

    /// Ticket counts per breakdown key, with the waiting histograms as text ("1,0,2,…") to add up.
    func queue(_ query: ReportQuery) -> [SQLStatement] {
        let breakdown: ReportQuery.Breakdown = [.counter, .question].contains(query.breakdown) ? .service : query.breakdown
        return sources(query).map { source in
            let (key, label) = keyColumns(breakdown, source: source, row: "t")
            switch source {
            case .days:
                return statement(
                    """
                    SELECT \(key) AS key, \(label) AS label, t.issued, t.priority, t.served, t.no_show, t.waiting_minutes
                    FROM day_ticket t JOIN sealed_day d ON d.kiosk = t.kiosk AND d.day = t.day \(officeNames(breakdown))
                    """, source: source, query: query, groupBy: "")
            case .months:
                let waiting = RollupSchema.waitingBuckets.map { "CAST(SUM(d.\($0)) AS TEXT)" }.joined(separator: " || ',' || ")
                return statement(
                    """
                    SELECT \(key) AS key, \(label) AS label, SUM(d.issued) AS issued, SUM(d.priority) AS priority, SUM(d.served) AS served,
                           SUM(d.no_show) AS no_show, \(waiting) AS waiting_minutes
                    FROM month_ticket d \(officeNames(breakdown))
                    """, source: source, query: query, groupBy: "GROUP BY 1, 2")
            }
        }
    }

    /// Slips per procedure.
    func slips(_ query: ReportQuery) -> [SQLStatement] {
        sources(query).map { source in
            switch source {
            case .days:
                statement(
                    "SELECT s.procedure AS procedure, SUM(s.count) AS count FROM day_slip s JOIN sealed_day d ON d.kiosk = s.kiosk AND d.day = s.day",
                    source: source, query: query, groupBy: "GROUP BY 1")
            case .months:
                statement("SELECT d.procedure AS procedure, SUM(d.count) AS count FROM month_slip d", source: source, query: query, groupBy: "GROUP BY 1")
            }
        }
    }

    private func sources(_ query: ReportQuery) -> [Source] {
        let span = ReportSpan(query.period, byDay: query.breakdown == .day)
        return (span.months.map { [Source.months(from: $0.from, to: $0.to)] } ?? [])
            + span.dayRanges.map { .days($0.lowerBound.description...$0.upperBound.description) }
    }

    /// Place columns are on `d` in both sources: the sealed day, or the rollup row itself.
    private func keyColumns(_ breakdown: ReportQuery.Breakdown, source: Source, row: String) -> (key: String, label: String) {
        let detail: String
        switch source {
        case .days: detail = row
        case .months: detail = "d"
        }
        let month: String
        switch source {
        case .days: month = "SUBSTR(d.day, 1, 7)"
        case .months: month = "d.month"
        }
        switch breakdown {
        case .province: return ("d.province", "d.province")
        case .district: return ("d.district", "d.district")
        case .office: return ("d.office", "COALESCE(o.office_name, d.office)")
        case .counter: return ("d.office || ' / ' || \(detail).counter", "d.office || ' / ' || \(detail).counter")
        case .service: return ("\(detail).service", "\(detail).service")
        case .question: return ("\(detail).question", "\(detail).question")
        case .day: return ("d.day", "d.day")
        case .month: return (month, month)
        }
    }

    /// The offices' names, joined once per office rather than looked up per row.
    private func officeNames(_ breakdown: ReportQuery.Breakdown) -> String {
        breakdown == .office
            ? "LEFT JOIN (SELECT office_code, MAX(office_name) AS office_name FROM kiosk GROUP BY office_code) o ON o.office_code = d.office"
            : ""
    }

    private func statement(_ select: String, source: Source, query: ReportQuery, groupBy: String) -> SQLStatement {
        let column: String
        var arguments: [String]
        switch source {
        case .days(let range):
            column = "d.day"
            arguments = [range.lowerBound, range.upperBound]
        case .months(let from, let to):
            column = "d.month"
            arguments = [from, to]
        }
        var clauses = ["\(column) >= \(dialect.placeholder(1))", "\(column) <= \(dialect.placeholder(2))"]
        for (place, value) in [("d.province", query.province), ("d.district", query.district), ("d.office", query.office)] {
            guard let value else { continue }
            arguments.append(value)
            clauses.append("\(place) = \(dialect.placeholder(arguments.count))")
        }
        return SQLStatement(sql: "\(select)\nWHERE \(clauses.joined(separator: " AND ")) \(groupBy)", arguments: arguments.map(SQLValue.text))
    }
}
