/// The canonical encoding of a day (docs/SEALED-DAY.md): the bytes that are hashed, signed,
/// stored in the outbox and sent. Rows are ordered by their key fields (UTF-8 bytes of NFC text,
/// then numbers), rows with nothing counted are left out, so equal days give equal bytes.
extension DayTallies {
    /// Written field by field, in the keys' byte order, without building a `CanonicalValue`
    /// first: the collector re-encodes every pushed day to check it. `canonicalValue` is the
    /// same day as a value; the tests hold the two to the same bytes.
    public func canonicalBytes() -> [UInt8] {
        var json = CanonicalBytes()
        json.bytes.append(UInt8(ascii: "{"))
        json.key("day", first: true)
        json.string(day.description)
        json.key("format")
        json.string(Self.format)
        json.key("kiosk")
        json.string(kiosk)
        json.key("office")
        json.string(office)
        json.key("presses")
        json.rows(Self.ordered(presses.filter { $0.count > 0 }, by: \.sortKey)) { json, row in
            json.key("count", first: true)
            json.integer(row.count)
            json.key("kind")
            json.string(row.kind)
            json.key("terminal")
            json.string(row.terminal)
        }
        json.key("previous")
        json.string(previous)
        json.key("printer_faults")
        json.rows(Self.ordered(printerFaults.filter { $0.count > 0 }, by: \.sortKey)) { json, row in
            json.key("count", first: true)
            json.integer(row.count)
            json.key("fault")
            json.string(row.fault)
            json.key("printer")
            json.string(row.printer)
        }
        json.key("slips")
        json.rows(Self.ordered(slips.filter { $0.count > 0 }, by: \.sortKey)) { json, row in
            json.key("count", first: true)
            json.integer(row.count)
            json.key("procedure")
            json.string(row.procedure)
        }
        json.key("tickets")
        json.rows(Self.ordered(tickets.filter { !$0.isEmpty }, by: \.sortKey)) { json, row in
            json.key("issued", first: true)
            json.integer(row.issued)
            json.key("no_show")
            json.integer(row.noShow)
            json.key("priority")
            json.integer(row.priority)
            json.key("served")
            json.integer(row.served)
            json.key("service")
            json.string(row.service)
            json.key("service_minutes")
            json.integers(row.serviceTime.counts)
            json.key("waiting_minutes")
            json.integers(row.waiting.counts)
        }
        json.key("votes")
        json.rows(Self.ordered(votes.filter { $0.count > 0 }, by: \.sortKey)) { json, row in
            json.key("choice", first: true)
            json.string(row.choice)
            json.key("count")
            json.integer(row.count)
            json.key("counter")
            json.string(row.counter)
            json.key("question")
            json.string(row.question)
            json.key("satisfied")
            json.bytes.append(contentsOf: row.satisfied ? "true".utf8 : "false".utf8)
            json.key("score")
            json.integer(row.score)
            json.key("service")
            json.string(row.service)
        }
        json.bytes.append(UInt8(ascii: "}"))
        return json.bytes
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

/// The canonical JSON of a day as it is written: keys are ASCII literals given in byte order.
private struct CanonicalBytes {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(2048)
    }

    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "\":".utf8)
    }

    mutating func string(_ text: String) {
        CanonicalJSONEncoder.writeString(text, to: &bytes)
    }

    mutating func integer(_ number: Int) {
        CanonicalJSONEncoder.writeInteger(Int64(number), to: &bytes)
    }

    mutating func integers(_ numbers: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (index, number) in numbers.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            integer(number)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func rows<Row>(_ rows: [Row], _ write: (inout CanonicalBytes, Row) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, row) in rows.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "{"))
            write(&self, row)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
