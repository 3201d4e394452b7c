/// The fast way in for a pushed day: reads bytes that are exactly a day's canonical encoding
/// (docs/SEALED-DAY.md) in one pass, checking the schema's rules as it goes, without building a
/// `CanonicalValue` and without encoding the day again to compare.
///
/// It accepts only what `canonicalBytes()` writes: the members in their fixed order, no
/// whitespace, strings in NFC with only the escapes the encoder writes, integers without leading
/// zeros, rows in strictly ascending key order with something counted. For anything else, valid
/// or not, it answers nil and the reference decoder (`DayTallies(checkingEveryRuleOf:)`) decides
/// and names the problem. The tests hold the two to the same answers.
struct CanonicalDayScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    static func day(_ bytes: [UInt8]) -> DayTallies? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CanonicalDayScanner(bytes: buffer)
            return scanner.day()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func day() -> DayTallies? {
        guard literal("{\"day\":"), let dayText = string(), let day = LocalDay(dayText), day.description == dayText,
            literal(",\"format\":"), let format = string(), format == DayTallies.format,
            literal(",\"kiosk\":"), let kiosk = string(),
            literal(",\"office\":"), let office = string(),
            literal(",\"presses\":"), let presses = rows({ $0.presses() }, ascending: Self.pressesInOrder),
            literal(",\"previous\":"), let previous = string(allowEmpty: true),
            DayTallies.isChainLink(previous),
            literal(",\"printer_faults\":"), let printerFaults = rows({ $0.printerFault() }, ascending: Self.printerFaultsInOrder),
            literal(",\"slips\":"), let slips = rows({ $0.slip() }, ascending: Self.slipsInOrder),
            literal(",\"tickets\":"), let tickets = rows({ $0.ticket() }, ascending: Self.ticketsInOrder),
            literal(",\"votes\":"), let votes = rows({ $0.vote() }, ascending: Self.votesInOrder),
            literal("}"), position == bytes.count
        else { return nil }
        return DayTallies(
            kiosk: kiosk, office: office, day: day, previous: previous, votes: votes, presses: presses, tickets: tickets,
            slips: slips, printerFaults: printerFaults)
    }

    // MARK: Rows, their members in the byte order of their keys

    private mutating func vote() -> DayTallies.Votes? {
        guard literal("{\"choice\":"), let choice = string(),
            literal(",\"count\":"), let count = integer(in: DayTallies.countRange),
            literal(",\"counter\":"), let counter = string(),
            literal(",\"question\":"), let question = string(),
            literal(",\"satisfied\":"), let satisfied = bool(),
            literal(",\"score\":"), let score = integer(in: DayTallies.scoreRange),
            literal(",\"service\":"), let service = string(allowEmpty: true),
            literal("}")
        else { return nil }
        return .init(counter: counter, service: service, question: question, choice: choice, score: score, satisfied: satisfied, count: count)
    }

    private mutating func presses() -> DayTallies.Presses? {
        guard literal("{\"count\":"), let count = integer(in: DayTallies.countRange),
            literal(",\"kind\":"), let kind = string(),
            literal(",\"terminal\":"), let terminal = string(),
            literal("}")
        else { return nil }
        return .init(terminal: terminal, kind: kind, count: count)
    }

    private mutating func printerFault() -> DayTallies.PrinterFaults? {
        guard literal("{\"count\":"), let count = integer(in: DayTallies.countRange),
            literal(",\"fault\":"), let fault = string(),
            literal(",\"printer\":"), let printer = string(),
            literal("}")
        else { return nil }
        return .init(printer: printer, fault: fault, count: count)
    }

    private mutating func slip() -> DayTallies.Slips? {
        guard literal("{\"count\":"), let count = integer(in: DayTallies.countRange),
            literal(",\"procedure\":"), let procedure = string(maximumLength: DayTallies.procedureLength),
            literal("}")
        else { return nil }
        return .init(procedure: procedure, count: count)
    }

    private mutating func ticket() -> DayTallies.Tickets? {
        guard literal("{\"issued\":"), let issued = integer(in: DayTallies.tallyRange),
            literal(",\"no_show\":"), let noShow = integer(in: DayTallies.tallyRange),
            literal(",\"priority\":"), let priority = integer(in: DayTallies.tallyRange),
            literal(",\"served\":"), let served = integer(in: DayTallies.tallyRange),
            literal(",\"service\":"), let service = string(),
            literal(",\"service_minutes\":"), let serviceTime = histogram(),
            literal(",\"waiting_minutes\":"), let waiting = histogram(),
            literal("}")
        else { return nil }
        let row = DayTallies.Tickets(
            service: service, issued: issued, priority: priority, served: served, noShow: noShow, waiting: waiting, serviceTime: serviceTime)
        // The encoder leaves out a service with nothing counted.
        return row.isEmpty ? nil : row
    }

    /// `[]` or `[row,row,…]`, each row's key strictly after the one before (so no repeats).
    private mutating func rows<Row>(_ row: (inout Self) -> Row?, ascending: (Row, Row) -> Bool) -> [Row]? {
        guard literal("[") else { return nil }
        var rows: [Row] = []
        if literal("]") { return rows }
        repeat {
            guard rows.count < DayTallies.maximumRows, let next = row(&self) else { return nil }
            if let last = rows.last, !ascending(last, next) { return nil }
            rows.append(next)
        } while literal(",")
        return literal("]") ? rows : nil
    }

    private mutating func histogram() -> WaitHistogram? {
        guard literal("[") else { return nil }
        var counts: [Int] = []
        counts.reserveCapacity(WaitHistogram.bucketCount)
        repeat {
            guard counts.count < WaitHistogram.bucketCount, let count = integer(in: DayTallies.tallyRange) else { return nil }
            counts.append(count)
        } while literal(",")
        return literal("]") ? WaitHistogram(counts: counts) : nil
    }

    // MARK: Row order: `SortField.precedes` on each row's key, without building the key

    private static func votesInOrder(_ a: DayTallies.Votes, _ b: DayTallies.Votes) -> Bool {
        let order = compare(a.counter, b.counter) ?? compare(a.service, b.service) ?? compare(a.question, b.question)
            ?? compare(a.choice, b.choice) ?? compare(a.score, b.score) ?? compare(a.satisfied ? 1 : 0, b.satisfied ? 1 : 0)
        return order == true
    }

    private static func pressesInOrder(_ a: DayTallies.Presses, _ b: DayTallies.Presses) -> Bool {
        (compare(a.terminal, b.terminal) ?? compare(a.kind, b.kind)) == true
    }

    private static func printerFaultsInOrder(_ a: DayTallies.PrinterFaults, _ b: DayTallies.PrinterFaults) -> Bool {
        (compare(a.printer, b.printer) ?? compare(a.fault, b.fault)) == true
    }

    private static func slipsInOrder(_ a: DayTallies.Slips, _ b: DayTallies.Slips) -> Bool {
        compare(a.procedure, b.procedure) == true
    }

    private static func ticketsInOrder(_ a: DayTallies.Tickets, _ b: DayTallies.Tickets) -> Bool {
        compare(a.service, b.service) == true
    }

    /// true when `a` sorts first, false when `b` does, nil when they are equal. The scanner only
    /// accepts NFC text, so comparing the UTF-8 bytes as they are is comparing their NFC form.
    private static func compare(_ a: String, _ b: String) -> Bool? {
        a == b ? nil : a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func compare(_ a: Int, _ b: Int) -> Bool? {
        a == b ? nil : a < b
    }

    // MARK: Values, each as the encoder writes it

    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let start = text.utf8Start
        for offset in 0..<count where bytes[position + offset] != start[offset] { return false }
        position += count
        return true
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// Plain decimal: `0`, or a digit 1–9 and more digits.
    private mutating func integer(in range: ClosedRange<Int>) -> Int? {
        let start = position
        var value = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            // A count far beyond any range: leave its error to the reference decoder.
            guard position - start < 12 else { return nil }
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        let digits = position - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0"), range.contains(value) else { return nil }
        return value
    }

    /// A string as `CanonicalJSONEncoder.writeString` writes it: NFC, with `\"`, `\\` and
    /// `\u00xx` (lower-case hex, control characters only) as its only escapes.
    private mutating func string(maximumLength: Int = DayTallies.textLength, allowEmpty: Bool = false) -> String? {
        guard literal("\"") else { return nil }
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let text: String
        if bytes[position] == UInt8(ascii: "\"") {
            guard let plain = String(validating: bytes[start..<position], as: UTF8.self) else { return nil }
            position += 1
            text = plain
        } else {
            guard let escaped = escapedString(from: start, ascii: &ascii) else { return nil }
            text = escaped
        }
        guard allowEmpty || !text.isEmpty else { return nil }
        guard text.utf8.count <= maximumLength || text.count <= maximumLength else { return nil }
        guard ascii || CanonicalJSONEncoder.normalized(text).utf8.elementsEqual(text.utf8) else { return nil }
        return text
    }

    private mutating func escapedString(from start: Int, ascii: inout Bool) -> String? {
        var unescaped = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(validating: unescaped, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard bytes.count - position >= 2 else { return nil }
                let escape = bytes[position + 1]
                if escape == UInt8(ascii: "\"") || escape == UInt8(ascii: "\\") {
                    unescaped.append(escape)
                    position += 2
                } else if escape == UInt8(ascii: "u"), let control = controlEscape(at: position + 2) {
                    unescaped.append(control)
                    position += 6
                } else {
                    return nil
                }
            case 0..<0x20:
                return nil
            default:
                if byte >= 0x80 { ascii = false }
                unescaped.append(byte)
                position += 1
            }
        }
        return nil
    }

    /// `00xx` after `\u`, for a control character, in lower-case hex as the encoder writes it.
    private func controlEscape(at index: Int) -> UInt8? {
        guard bytes.count - index >= 4, bytes[index] == UInt8(ascii: "0"), bytes[index + 1] == UInt8(ascii: "0"),
            let high = Self.lowerHexValue(bytes[index + 2]), high <= 1, let low = Self.lowerHexValue(bytes[index + 3])
        else { return nil }
        return high << 4 | low
    }

    private static func lowerHexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
