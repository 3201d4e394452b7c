/// The report queries as SQL both engines run: only the placeholders differ (`?` for SQLite,
/// `$1…` for PostgreSQL). Values always travel as arguments, never inside the SQL text.
struct ReportSQL {
    enum Placeholders {
        case questionMark
        case numbered
    }

    let placeholders: Placeholders

    struct Statement {
        var sql: String
        var arguments: [String]
    }

    /// Satisfied answers and score sums per breakdown key.
    func satisfaction(_ query: ReportQuery) -> Statement {
        let (key, label) = keyColumns(query.breakdown, voteTable: true)
        let (filter, arguments) = filters(query)
        return Statement(
            sql: """
                SELECT \(key) AS key, \(label) AS label, SUM(v.count) AS answers,
                       SUM(CASE WHEN v.satisfied = 1 THEN v.count ELSE 0 END) AS satisfied, SUM(v.score * v.count) AS score_sum
                FROM day_vote v JOIN sealed_day d ON d.kiosk = v.kiosk AND d.day = v.day
                \(officeNames(query.breakdown))
                \(filter)
                GROUP BY 1, 2 ORDER BY 1
                """,
            arguments: arguments)
    }

    /// Ticket counts per breakdown key, with the waiting histograms to add up row by row.
    func queue(_ query: ReportQuery) -> Statement {
        let breakdown: ReportQuery.Breakdown = [.counter, .question].contains(query.breakdown) ? .service : query.breakdown
        let (key, label) = keyColumns(breakdown, voteTable: false)
        let (filter, arguments) = filters(query)
        return Statement(
            sql: """
                SELECT \(key) AS key, \(label) AS label, t.issued, t.priority, t.served, t.no_show, t.waiting_minutes
                FROM day_ticket t JOIN sealed_day d ON d.kiosk = t.kiosk AND d.day = t.day
                \(officeNames(breakdown))
                \(filter)
                ORDER BY 1
                """,
            arguments: arguments)
    }

    func slips(_ query: ReportQuery) -> Statement {
        let (filter, arguments) = filters(query)
        return Statement(
            sql: """
                SELECT s.procedure AS procedure, SUM(s.count) AS count
                FROM day_slip s JOIN sealed_day d ON d.kiosk = s.kiosk AND d.day = s.day
                \(filter)
                GROUP BY 1 ORDER BY 2 DESC, 1
                """,
            arguments: arguments)
    }

    private func keyColumns(_ breakdown: ReportQuery.Breakdown, voteTable: Bool) -> (key: String, label: String) {
        let row = voteTable ? "v" : "t"
        switch breakdown {
        case .province: return ("d.province", "d.province")
        case .district: return ("d.district", "d.district")
        case .office: return ("d.office", "COALESCE(o.office_name, d.office)")
        case .counter: return ("d.office || ' / ' || \(row).counter", "d.office || ' / ' || \(row).counter")
        case .service: return ("\(row).service", "\(row).service")
        case .question: return ("\(row).question", "\(row).question")
        case .day: return ("d.day", "d.day")
        case .month: return ("SUBSTR(d.day, 1, 7)", "SUBSTR(d.day, 1, 7)")
        }
    }

    /// The offices' names, joined once per office rather than looked up per row.
    private func officeNames(_ breakdown: ReportQuery.Breakdown) -> String {
        breakdown == .office
            ? "LEFT JOIN (SELECT office_code, MAX(office_name) AS office_name FROM kiosk GROUP BY office_code) o ON o.office_code = d.office"
            : ""
    }

    private func filters(_ query: ReportQuery) -> (String, [String]) {
        var clauses = ["d.day >= \(placeholder(1))", "d.day <= \(placeholder(2))"]
        var arguments = [query.period.from.description, query.period.to.description]
        for (column, value) in [("d.province", query.province), ("d.district", query.district), ("d.office", query.office)] {
            guard let value else { continue }
            arguments.append(value)
            clauses.append("\(column) = \(placeholder(arguments.count))")
        }
        return ("WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    private func placeholder(_ index: Int) -> String {
        placeholders == .questionMark ? "?" : "$\(index)"
    }
}
