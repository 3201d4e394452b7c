import CollectorCore
import KioskCore
import Logging
import NIOCore
import PostgresNIO

/// A batch of ingests inside one PostgreSQL transaction, in a fixed number of statements whatever
/// the batch size: lock the batch's kiosks (in order, so two collectors never deadlock), read all
/// neighbours at once, decide (`BatchPlan`), then one array insert per table.
///
/// Its statements are not shared with `SQLiteIngest` over `SQLDialect` as the other concerns'
/// are: here each table's rows go as arrays in one statement (`UNNEST`), there one cached
/// statement runs per row, and each is what makes its engine's ingest fast. The decisions are
/// shared (`BatchPlan`, `RollupDelta`).
struct PostgresIngest {
    let connection: PostgresConnection
    let logger: Logger

    func run(_ days: [VerifiedDay], receivedAt: String) async throws -> [IngestOutcome] {
        let kiosks = BatchPlan.kiosks(days)
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT UNNEST(\(kiosks)::text[]) AS k ORDER BY 1) AS locked", logger: logger)
        let spans = BatchPlan.neighbourSpans(days)
        var stored: [BatchPlan.Key: IngestPlan.Neighbour] = [:]
        // One range scan of the primary key per kiosk. As a join (or a LATERAL subquery, which
        // the planner flattens into one) it often chose to hash the batch and scan the whole
        // table, which grows every night; OFFSET 0 keeps the subquery as it is written.
        let rows = try await connection.query(
            """
            SELECT s.kiosk, s.day, s.hash, s.previous, s.link
            FROM UNNEST(\(spans.map(\.kiosk))::text[], \(spans.map(\.first.description))::text[], \(spans.map(\.last.description))::text[])
              AS k(kiosk, first, last)
            CROSS JOIN LATERAL (
              SELECT * FROM sealed_day WHERE kiosk = k.kiosk AND day BETWEEN k.first AND k.last OFFSET 0
            ) AS s
            """, logger: logger)
        for try await (kiosk, day, hash, previous, link) in rows.decode((String, String, String, String, String).self) {
            guard let date = LocalDay(day) else { continue }
            stored[BatchPlan.Key(kiosk: kiosk, day: date)] = IngestPlan.Neighbour(hash: hash, previous: previous, link: ChainLink(rawValue: link) ?? .gap)
        }
        var registered: [String: KioskRegistration] = [:]
        // Columns by position: looking each one up by name cost more than the query.
        let kioskRows = try await connection.query(
            "SELECT id, office_code, office_name, district, province, public_key, revoked FROM kiosk WHERE id = ANY(\(kiosks)::text[])",
            logger: logger)
        for try await (id, officeCode, officeName, district, province, publicKey, revoked)
            in kioskRows.decode((String, String, String, String, String, String, Int).self)
        {
            registered[id] = KioskRegistration(
                id: id, officeCode: officeCode, officeName: officeName, district: district, province: province, publicKey: publicKey,
                revoked: revoked != 0)
        }
        var earliest: [String: IngestPlan.Earliest] = [:]
        let earliestRows = try await connection.query(
            """
            SELECT k.kiosk, s.day, s.link FROM UNNEST(\(kiosks)::text[]) AS k(kiosk)
            CROSS JOIN LATERAL (SELECT day, link FROM sealed_day WHERE kiosk = k.kiosk ORDER BY day LIMIT 1) AS s
            """, logger: logger)
        for try await (kiosk, day, link) in earliestRows.decode((String, String, String).self) {
            guard let date = LocalDay(day) else { continue }
            earliest[kiosk] = IngestPlan.Earliest(day: date, link: ChainLink(rawValue: link) ?? .gap)
        }
        let plan = BatchPlan(days, stored: stored, earliest: earliest, registered: registered)
        try await insertDays(plan.inserts, receivedAt: receivedAt)
        try await addToRollups(RollupDelta(plan.inserts.map(\.day)))
        try await addToKioskDays(KioskDaysDelta(plan.inserts.map(\.day)))
        if !plan.linkUpdates.isEmpty {
            let updates = Array(plan.linkUpdates)
            try await connection.query(
                """
                UPDATE sealed_day s SET link = u.link
                FROM UNNEST(\(updates.map(\.key.kiosk))::text[], \(updates.map(\.key.day.description))::text[], \(updates.map(\.value.rawValue))::text[])
                  AS u(kiosk, day, link)
                WHERE s.kiosk = u.kiosk AND s.day = u.day
                """, logger: logger)
        }
        try await insertAlarms(plan.alarms, at: receivedAt)
        return plan.outcomes
    }

    func insertAlarms(_ raised: [CollectorAlarm], at time: String) async throws {
        let alarms = CollectorAlarm.counted(raised)
        guard !alarms.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO alarm (kiosk, day, kind, detail, first_seen, last_seen, seen)
            SELECT k, d, c, t, \(time), \(time), n
            FROM UNNEST(\(alarms.map(\.kiosk))::text[], \(alarms.map(\.day))::text[], \(alarms.map(\.kind.rawValue))::text[],
                        \(alarms.map(\.detail))::text[], \(alarms.map(\.seen))::int[]) AS a(k, d, c, t, n)
            ON CONFLICT (kiosk, day, kind, detail) DO UPDATE SET last_seen = excluded.last_seen, seen = alarm.seen + excluded.seen
            """, logger: logger)
    }

    private func addToKioskDays(_ delta: KioskDaysDelta) async throws {
        guard !delta.rows.isEmpty else { return }
        let rows = delta.rows
        try await connection.query(
            """
            INSERT INTO kiosk_days AS c (kiosk, stored, first_day, last_day)
            SELECT * FROM UNNEST(\(rows.map(\.kiosk))::text[], \(rows.map(\.stored))::int[], \(rows.map(\.first.description))::text[],
                \(rows.map(\.last.description))::text[])
            ON CONFLICT (kiosk) DO UPDATE SET
                stored = c.stored + excluded.stored, first_day = LEAST(c.first_day, excluded.first_day),
                last_day = GREATEST(c.last_day, excluded.last_day)
            """, logger: logger)
    }

    /// One upsert per rollup table; the rows come in key order, so two collectors sharing the
    /// database lock rollup rows in the same order and cannot deadlock on them.
    private func addToRollups(_ delta: RollupDelta) async throws {
        if !delta.votes.isEmpty {
            let places = Places(delta.votes.map(\.key.place))
            let sums = delta.votes.map(\.sums)
            try await connection.query(
                """
                INSERT INTO month_vote AS r (month, province, district, office, counter, service, question, answers, satisfied, score_sum)
                SELECT * FROM UNNEST(\(places.months)::text[], \(places.provinces)::text[], \(places.districts)::text[], \(places.offices)::text[],
                    \(delta.votes.map(\.key.counter))::text[], \(delta.votes.map(\.key.service))::text[], \(delta.votes.map(\.key.question))::text[],
                    \(sums.map(\.answers))::int[], \(sums.map(\.satisfied))::int[], \(sums.map(\.scoreSum))::int[])
                ON CONFLICT (province, month, district, office, counter, service, question) DO UPDATE SET
                    answers = r.answers + excluded.answers, satisfied = r.satisfied + excluded.satisfied, score_sum = r.score_sum + excluded.score_sum
                """, logger: logger)
            let offices = Places(delta.officeVotes.map(\.place))
            let officeSums = delta.officeVotes.map(\.sums)
            try await connection.query(
                """
                INSERT INTO month_office_vote AS r (month, province, district, office, answers, satisfied, score_sum)
                SELECT * FROM UNNEST(\(offices.months)::text[], \(offices.provinces)::text[], \(offices.districts)::text[], \(offices.offices)::text[],
                    \(officeSums.map(\.answers))::int[], \(officeSums.map(\.satisfied))::int[], \(officeSums.map(\.scoreSum))::int[])
                ON CONFLICT (province, month, district, office) DO UPDATE SET
                    answers = r.answers + excluded.answers, satisfied = r.satisfied + excluded.satisfied, score_sum = r.score_sum + excluded.score_sum
                """, logger: logger)
        }
        if !delta.tickets.isEmpty {
            let places = Places(delta.tickets.map(\.key.place))
            let sums = delta.tickets.map(\.sums)
            var bindings = PostgresBindings()
            for column in [places.months, places.provinces, places.districts, places.offices, delta.tickets.map(\.key.name)] { bindings.append(column) }
            for column in [sums.map(\.issued), sums.map(\.priority), sums.map(\.served), sums.map(\.noShow)] { bindings.append(column) }
            let buckets = RollupSchema.waitingBuckets
            for index in buckets.indices { bindings.append(sums.map { $0.waiting.counts[index] }) }
            let arrays = (1...5).map { "$\($0)::text[]" } + (6...(9 + buckets.count)).map { "$\($0)::int[]" }
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        INSERT INTO month_ticket AS r (month, province, district, office, service, issued, priority, served, no_show, \(buckets.joined(separator: ", ")))
                        SELECT * FROM UNNEST(\(arrays.joined(separator: ", ")))
                        ON CONFLICT (province, month, district, office, service) DO UPDATE SET
                            issued = r.issued + excluded.issued, priority = r.priority + excluded.priority, served = r.served + excluded.served,
                            no_show = r.no_show + excluded.no_show, \(buckets.map { "\($0) = r.\($0) + excluded.\($0)" }.joined(separator: ", "))
                        """, binds: bindings), logger: logger)
        }
        if !delta.slips.isEmpty {
            let places = Places(delta.slips.map(\.key.place))
            try await connection.query(
                """
                INSERT INTO month_slip AS r (month, province, district, office, procedure, count)
                SELECT * FROM UNNEST(\(places.months)::text[], \(places.provinces)::text[], \(places.districts)::text[], \(places.offices)::text[],
                    \(delta.slips.map(\.key.name))::text[], \(delta.slips.map(\.count))::int[])
                ON CONFLICT (province, month, district, office, procedure) DO UPDATE SET count = r.count + excluded.count
                """, logger: logger)
        }
    }

    private func insertDays(_ inserts: [(day: VerifiedDay, link: ChainLink)], receivedAt: String) async throws {
        guard !inserts.isEmpty else { return }
        let days = inserts.map(\.day)
        try await connection.query(
            """
            INSERT INTO sealed_day (kiosk, day, office, district, province, hash, previous, link, signature, body, received_at)
            SELECT *, \(receivedAt) FROM UNNEST(
                \(days.map(\.kiosk.id))::text[], \(days.map(\.tallies.day.description))::text[], \(days.map(\.kiosk.officeCode))::text[],
                \(days.map(\.kiosk.district))::text[], \(days.map(\.kiosk.province))::text[], \(days.map(\.hash))::text[],
                \(days.map(\.tallies.previous))::text[], \(inserts.map(\.link.rawValue))::text[], \(days.map(\.signature))::text[],
                \(days.map { ByteBuffer(bytes: $0.body) })::bytea[])
            """, logger: logger)

        var answers = Columns(3)
        var presses = Columns(3)
        var tickets = Columns(7)
        var slips = Columns(2)
        var faults = Columns(3)
        for day in days {
            let owner = (day.kiosk.id, day.tallies.day.description)
            for answer in day.answers {
                answers.add(owner, [answer.counter, answer.service, answer.question], [answer.sums.answers, answer.sums.satisfied, answer.sums.scoreSum])
            }
            for press in day.tallies.presses { presses.add(owner, [press.terminal, press.kind], [press.count]) }
            for ticket in day.tallies.tickets {
                tickets.add(
                    owner, [ticket.service, CollectorSchema.histogramText(ticket.waiting), CollectorSchema.histogramText(ticket.serviceTime)],
                    [ticket.issued, ticket.priority, ticket.served, ticket.noShow])
            }
            for slip in day.tallies.slips { slips.add(owner, [slip.procedure], [slip.count]) }
            for fault in day.tallies.printerFaults { faults.add(owner, [fault.printer, fault.fault], [fault.count]) }
        }
        if answers.count > 0 {
            try await connection.query(
                """
                INSERT INTO day_answer (kiosk, day, counter, service, question, answers, satisfied, score_sum)
                SELECT * FROM UNNEST(\(answers.kiosks)::text[], \(answers.days)::text[], \(answers.text[0])::text[], \(answers.text[1])::text[],
                    \(answers.text[2])::text[], \(answers.numbers[0])::int[], \(answers.numbers[1])::int[], \(answers.numbers[2])::int[])
                """, logger: logger)
        }
        if presses.count > 0 {
            try await connection.query(
                """
                INSERT INTO day_press (kiosk, day, terminal, kind, count)
                SELECT * FROM UNNEST(\(presses.kiosks)::text[], \(presses.days)::text[], \(presses.text[0])::text[], \(presses.text[1])::text[],
                    \(presses.numbers[0])::int[])
                """, logger: logger)
        }
        if tickets.count > 0 {
            try await connection.query(
                """
                INSERT INTO day_ticket (kiosk, day, service, waiting_minutes, service_minutes, issued, priority, served, no_show)
                SELECT * FROM UNNEST(\(tickets.kiosks)::text[], \(tickets.days)::text[], \(tickets.text[0])::text[], \(tickets.text[1])::text[],
                    \(tickets.text[2])::text[], \(tickets.numbers[0])::int[], \(tickets.numbers[1])::int[], \(tickets.numbers[2])::int[],
                    \(tickets.numbers[3])::int[])
                """, logger: logger)
        }
        if slips.count > 0 {
            try await connection.query(
                """
                INSERT INTO day_slip (kiosk, day, procedure, count)
                SELECT * FROM UNNEST(\(slips.kiosks)::text[], \(slips.days)::text[], \(slips.text[0])::text[], \(slips.numbers[0])::int[])
                """, logger: logger)
        }
        if faults.count > 0 {
            try await connection.query(
                """
                INSERT INTO day_printer_fault (kiosk, day, printer, fault, count)
                SELECT * FROM UNNEST(\(faults.kiosks)::text[], \(faults.days)::text[], \(faults.text[0])::text[], \(faults.text[1])::text[],
                    \(faults.numbers[0])::int[])
                """, logger: logger)
        }
    }
}

/// Rows of one table as columns, for an array insert: the owning kiosk and day, text columns, integer columns.
private struct Columns {
    var kiosks: [String] = []
    var days: [String] = []
    var text: [[String]]
    var numbers: [[Int]]

    init(_ width: Int) {
        text = Array(repeating: [], count: width)
        numbers = Array(repeating: [], count: width)
    }

    var count: Int { kiosks.count }

    mutating func add(_ owner: (String, String), _ texts: [String], _ values: [Int]) {
        kiosks.append(owner.0)
        days.append(owner.1)
        for (index, value) in texts.enumerated() { text[index].append(value) }
        for (index, value) in values.enumerated() { numbers[index].append(value) }
    }
}

/// Rollup keys' place columns, one array each, for an array upsert.
private struct Places {
    var months: [String] = []
    var provinces: [String] = []
    var districts: [String] = []
    var offices: [String] = []

    init(_ places: [RollupDelta.Place]) {
        for place in places {
            months.append(place.month)
            provinces.append(place.province)
            districts.append(place.district)
            offices.append(place.office)
        }
    }
}
