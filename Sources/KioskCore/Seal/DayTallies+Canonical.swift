/// The canonical encoding of a day (docs/SEALED-DAY.md): the bytes that are hashed, signed,
/// stored in the outbox and sent. Rows are ordered by their key fields (UTF-8 bytes of NFC text,
/// then numbers), rows with nothing counted are left out, so equal days give equal bytes.
extension DayTallies {
    public func canonicalBytes() -> [UInt8] {
        CanonicalJSONEncoder.encode(canonicalValue)
    }

    public var canonicalValue: CanonicalValue {
        .object([
            ("format", .string(Self.format)),
            ("kiosk", .string(kiosk)),
            ("office", .string(office)),
            ("day", .string(day.description)),
            ("previous", .string(previous)),
            ("votes", .array(Self.ordered(votes.filter { $0.count > 0 }, by: \.sortKey).map(\.canonicalValue))),
            ("presses", .array(Self.ordered(presses.filter { $0.count > 0 }, by: \.sortKey).map(\.canonicalValue))),
            ("tickets", .array(Self.ordered(tickets.filter { !$0.isEmpty }, by: \.sortKey).map(\.canonicalValue))),
            ("slips", .array(Self.ordered(slips.filter { $0.count > 0 }, by: \.sortKey).map(\.canonicalValue))),
            ("printer_faults", .array(Self.ordered(printerFaults.filter { $0.count > 0 }, by: \.sortKey).map(\.canonicalValue))),
        ])
    }

    static func ordered<Row>(_ rows: [Row], by key: (Row) -> [SortField]) -> [Row] {
        let keyed = rows.map { (key($0), $0) }
        // Decoded days arrive in order already; sorting is for tallies built as they happened.
        if zip(keyed, keyed.dropFirst()).allSatisfy({ SortField.precedes($0.0, $1.0) }) { return rows }
        return keyed.sorted { SortField.precedes($0.0, $1.0) }.map(\.1)
    }
}

/// One field of a row's sort key: text compares by the UTF-8 bytes of its NFC form.
enum SortField: Hashable {
    case text([UInt8])
    case number(Int)

    init(_ text: String) {
        self = .text(Array(CanonicalJSONEncoder.normalized(text).utf8))
    }

    static func precedes(_ lhs: [SortField], _ rhs: [SortField]) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right {
            switch (left, right) {
            case (.text(let a), .text(let b)): return a.lexicographicallyPrecedes(b)
            case (.number(let a), .number(let b)): return a < b
            default: return false
            }
        }
        return lhs.count < rhs.count
    }
}

extension DayTallies.Votes {
    var sortKey: [SortField] {
        [SortField(counter), SortField(service), SortField(question), SortField(choice), .number(score), .number(satisfied ? 1 : 0)]
    }

    var canonicalValue: CanonicalValue {
        .object([
            ("counter", .string(counter)), ("service", .string(service)), ("question", .string(question)),
            ("choice", .string(choice)), ("score", .integer(Int64(score))), ("satisfied", .bool(satisfied)),
            ("count", .integer(Int64(count))),
        ])
    }
}

extension DayTallies.Presses {
    var sortKey: [SortField] { [SortField(terminal), SortField(kind)] }

    var canonicalValue: CanonicalValue {
        .object([("terminal", .string(terminal)), ("kind", .string(kind)), ("count", .integer(Int64(count)))])
    }
}

extension DayTallies.Tickets {
    var sortKey: [SortField] { [SortField(service)] }

    var isEmpty: Bool {
        issued == 0 && priority == 0 && served == 0 && noShow == 0 && waiting.total == 0 && serviceTime.total == 0
    }

    var canonicalValue: CanonicalValue {
        .object([
            ("service", .string(service)), ("issued", .integer(Int64(issued))), ("priority", .integer(Int64(priority))),
            ("served", .integer(Int64(served))), ("no_show", .integer(Int64(noShow))),
            ("waiting_minutes", .array(waiting.counts.map { .integer(Int64($0)) })),
            ("service_minutes", .array(serviceTime.counts.map { .integer(Int64($0)) })),
        ])
    }
}

extension DayTallies.Slips {
    var sortKey: [SortField] { [SortField(procedure)] }

    var canonicalValue: CanonicalValue {
        .object([("procedure", .string(procedure)), ("count", .integer(Int64(count)))])
    }
}

extension DayTallies.PrinterFaults {
    var sortKey: [SortField] { [SortField(printer), SortField(fault)] }

    var canonicalValue: CanonicalValue {
        .object([("printer", .string(printer)), ("fault", .string(fault)), ("count", .integer(Int64(count)))])
    }
}
