/// Reading a sealed day back, as the collector does on ingest: every field checked and named in
/// the error, then the bytes must be exactly the canonical encoding of what was read (so that the
/// signature and the hash chain cover one meaning only).
extension DayTallies {
    public static let maximumRows = 10_000
    public static let maximumCount = 10_000_000

    static let scoreRange = 0...100
    /// A row is only written when something was counted.
    static let countRange = 1...maximumCount
    static let tallyRange = 0...maximumCount
    static let textLength = 200
    static let procedureLength = 500

    public init(canonicalBytes bytes: [UInt8]) throws(DayTalliesError) {
        // Nearly every pushed day is canonical: one pass reads those; the reference decoder
        // decides about the rest and names what is wrong.
        if let day = CanonicalDayScanner.day(bytes) {
            self = day
        } else {
            try self.init(checkingEveryRuleOf: bytes)
        }
        try checkFigures()
    }

    /// Parses, reads every field by name, then encodes what was read and compares: the
    /// definition of a valid sealed day, and the source of every decoding error.
    init(checkingEveryRuleOf bytes: [UInt8]) throws(DayTalliesError) {
        let value: CanonicalValue
        do {
            value = try CanonicalJSONParser.parse(bytes)
        } catch {
            throw DayTalliesError(path: "", reason: "not valid JSON (\(error))")
        }
        var root = try CanonicalObjectReader(value, path: "")
        let format = try root.string("format")
        guard format == Self.format else {
            throw DayTalliesError(path: "format", reason: "expected \"\(Self.format)\", found \"\(format)\"")
        }
        let dayText = try root.string("day")
        guard let day = LocalDay(dayText) else {
            throw DayTalliesError(path: "day", reason: "expected a date YYYY-MM-DD, found \"\(dayText)\"")
        }
        let previous = try root.string("previous", allowEmpty: true)
        guard Self.isChainLink(previous) else {
            throw DayTalliesError(path: "previous", reason: "expected \"\" or 64 lower-case hex digits (SHA-256)")
        }
        self.init(kiosk: try root.string("kiosk"), office: try root.string("office"), day: day, previous: previous)
        votes = try Self.rows(&root, "votes") { reader throws(DayTalliesError) in
            Votes(
                counter: try reader.string("counter"), service: try reader.string("service", allowEmpty: true),
                question: try reader.string("question"), choice: try reader.string("choice"),
                score: try reader.integer("score", in: Self.scoreRange), satisfied: try reader.bool("satisfied"),
                count: try reader.integer("count", in: Self.countRange))
        } key: { $0.sortKey }
        presses = try Self.rows(&root, "presses") { reader throws(DayTalliesError) in
            Presses(terminal: try reader.string("terminal"), kind: try reader.string("kind"), count: try reader.integer("count", in: Self.countRange))
        } key: { $0.sortKey }
        tickets = try Self.rows(&root, "tickets") { reader throws(DayTalliesError) in
            Tickets(
                service: try reader.string("service"), issued: try reader.integer("issued", in: Self.tallyRange),
                priority: try reader.integer("priority", in: Self.tallyRange),
                served: try reader.integer("served", in: Self.tallyRange),
                noShow: try reader.integer("no_show", in: Self.tallyRange),
                waiting: try Self.histogram(&reader, "waiting_minutes"), serviceTime: try Self.histogram(&reader, "service_minutes"))
        } key: { $0.sortKey }
        slips = try Self.rows(&root, "slips") { reader throws(DayTalliesError) in
            Slips(procedure: try reader.string("procedure", maximumLength: Self.procedureLength), count: try reader.integer("count", in: Self.countRange))
        } key: { $0.sortKey }
        printerFaults = try Self.rows(&root, "printer_faults") { reader throws(DayTalliesError) in
            PrinterFaults(printer: try reader.string("printer"), fault: try reader.string("fault"), count: try reader.integer("count", in: Self.countRange))
        } key: { $0.sortKey }
        try root.finish()

        let canonical = canonicalBytes()
        if canonical != bytes {
            let offset = zip(canonical, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(canonical.count, bytes.count)
            throw DayTalliesError(
                path: "", reason: "not in canonical form (differs from the canonical encoding at byte \(offset); see docs/SEALED-DAY.md)")
        }
    }

    private static func rows<Row>(
        _ root: inout CanonicalObjectReader, _ key: String, _ read: (inout CanonicalObjectReader) throws(DayTalliesError) -> Row,
        key sortKey: (Row) -> [SortField]
    ) throws(DayTalliesError) -> [Row] {
        let path = root.fieldPath(key)
        var rows: [Row] = []
        // Canonical days take the one-pass scanner; this path only sees the rest, so a plain set.
        var seen: Set<[SortField]> = []
        for (index, element) in try root.array(key, maximumCount: maximumRows).enumerated() {
            var reader = try CanonicalObjectReader(element, path: path, element: index)
            let row = try read(&reader)
            try reader.finish()
            guard seen.insert(sortKey(row)).inserted else {
                throw DayTalliesError(path: reader.path, reason: "repeats the key of an earlier entry")
            }
            rows.append(row)
        }
        return rows
    }

    private static func histogram(_ reader: inout CanonicalObjectReader, _ key: String) throws(DayTalliesError) -> WaitHistogram {
        let elements = try reader.array(key, maximumCount: WaitHistogram.bucketCount)
        var counts: [Int] = []
        for element in elements {
            guard case .integer(let count) = element, let small = Int(exactly: count), tallyRange.contains(small) else {
                throw DayTalliesError(path: reader.fieldPath(key), reason: "expected integers \(tallyRange.lowerBound)…\(tallyRange.upperBound)")
            }
            counts.append(small)
        }
        guard let histogram = WaitHistogram(counts: counts) else {
            throw DayTalliesError(path: reader.fieldPath(key), reason: "expected \(WaitHistogram.bucketCount) counts (buckets \(WaitHistogram.upperBounds) minutes and above)")
        }
        return histogram
    }

    /// "" for a kiosk's first day, else the SHA-256 of the day before in 64 lower-case hex digits.
    static func isChainLink(_ previous: String) -> Bool {
        previous.isEmpty || (previous.utf8.count == 64 && previous.utf8.allSatisfy(isLowerHex))
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
