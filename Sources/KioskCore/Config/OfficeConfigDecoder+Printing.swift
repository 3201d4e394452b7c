import Foundation

/// The printing side of the office file: printers, ticket numbering, slips, hours, the calendar
/// directory and the local HTTP API.
extension OfficeConfigDecoder {
    static func readPrinter(_ table: TableReader) -> PrinterConfig? {
        table.rejectUnknownKeys(["id", "queue", "server", "mode", "width", "paper", "timeout_seconds", "job_timeout_seconds"])
        let id = table.string("id")
        let queue = table.string("queue")
        let server = table.string("server", required: false) ?? PrinterConfig.defaultServer
        let mode = table.choice("mode", ["raw": PrinterMode.raw, "document": PrinterMode.document])
        let width = table.integer("width", required: false, in: 200...2000) ?? 576
        let paper =
            table.choice("paper", required: false, ["a4": PaperFormat.a4, "a5": PaperFormat.a5, "roll": PaperFormat.roll])
            ?? (mode == .document ? .a4 : .roll)
        let timeout = table.number("timeout_seconds", required: false, in: 0.5...120) ?? 5
        let jobTimeout = table.number("job_timeout_seconds", required: false, in: 1...3600) ?? 30
        if let queue, !queue.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            table.issues.report(table.keyPath("queue"), "expected a CUPS queue name (ASCII letters, digits, '-' or '_'), found \"\(queue)\"")
        }
        if mode == .raw && table.has("paper") && paper != .roll {
            table.issues.report(table.keyPath("paper"), "a raw (ESC/POS) printer prints on a roll; only paper = \"roll\" applies")
        }
        guard let id, let queue, let mode else { return nil }
        return PrinterConfig(
            id: id, queue: queue, server: server, mode: mode, width: width, paper: paper, timeoutSeconds: timeout,
            jobTimeoutSeconds: jobTimeout)
    }

    static func readTicketing(_ table: TableReader) -> TicketingConfig {
        table.rejectUnknownKeys(["reset_hour", "hotline", "qr_url", "minutes_per_ticket", "max_calls"])
        let defaults = TicketingConfig.defaults
        let template = table.string("qr_url", required: false)
        if let template, !(template.hasPrefix("https://") || template.hasPrefix("http://")) {
            table.issues.report(table.keyPath("qr_url"), "expected an http:// or https:// URL template, found \"\(template)\"")
        }
        return TicketingConfig(
            resetHour: table.integer("reset_hour", required: false, in: 0...23) ?? defaults.resetHour,
            hotline: table.string("hotline", required: false) ?? defaults.hotline,
            qrURLTemplate: template,
            minutesPerTicket: table.number("minutes_per_ticket", required: false, in: 0.5...240) ?? defaults.minutesPerTicket,
            maximumCalls: table.integer("max_calls", required: false, in: 1...9) ?? defaults.maximumCalls)
    }

    static func readSlips(_ table: TableReader) -> SlipConfig? {
        table.rejectUnknownKeys([
            "parent_body", "issuing_body", "place", "printer", "feedback_body", "feedback_address", "feedback_hotline",
        ])
        let issuingBody = table.string("issuing_body")
        let place = table.string("place")
        let printer = table.string("printer")
        let address = table.string("feedback_address")
        let hotline = table.string("feedback_hotline")
        guard let issuingBody, let place, let printer, let address, let hotline else { return nil }
        return SlipConfig(
            parentBody: table.string("parent_body", required: false), issuingBody: issuingBody, place: place,
            printer: printer, feedbackBody: table.string("feedback_body", required: false), feedbackAddress: address,
            feedbackHotline: hotline)
    }

    static func readHours(_ table: TableReader) -> OfficeHours? {
        table.rejectUnknownKeys(["morning", "afternoon"])
        let morning = table.string("morning", required: false).map { readSession($0, table: table, key: "morning") }
            ?? OfficeHours.standard.morning
        let afternoon = table.string("afternoon", required: false).map { readSession($0, table: table, key: "afternoon") }
            ?? OfficeHours.standard.afternoon
        guard let morning, let afternoon else { return nil }
        do {
            return try OfficeHours(morning: morning, afternoon: afternoon)
        } catch {
            table.issues.report(table.path, "\(error)")
            return nil
        }
    }

    private static func readSession(_ text: String, table: TableReader, key: String) -> OfficeHours.Session? {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = OfficeHours.ClockTime(parts[0]), let end = OfficeHours.ClockTime(parts[1]) else {
            table.issues.report(table.keyPath(key), "expected \"HH:MM-HH:MM\" (24-hour), such as \"07:30-11:30\"; found \"\(text)\"")
            return nil
        }
        return OfficeHours.Session(start: start, end: end)
    }

    static func readCalendarDirectory(_ table: TableReader) -> String {
        table.rejectUnknownKeys(["directory"])
        return table.string("directory", required: false) ?? "calendar"
    }

    static func readLocalAPI(_ table: TableReader) -> LocalAPIConfig? {
        table.rejectUnknownKeys(["listen", "token"])
        let listen = table.string("listen", required: false) ?? "127.0.0.1:8470"
        let token = table.string("token", required: false)
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (1...65535).contains(port), colon != listen.startIndex
        else {
            table.issues.report(table.keyPath("listen"), "expected HOST:PORT such as \"127.0.0.1:8470\", found \"\(listen)\"")
            return nil
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let api = LocalAPIConfig(host: host, port: port, token: token)
        if !api.isLoopback && token == nil {
            table.issues.report(
                table.keyPath("token"),
                "missing; listening on \(host), beyond this machine, needs a token (at least 16 characters) that clients send as a Bearer token")
        }
        if let token, token.count < 16 {
            table.issues.report(table.keyPath("token"), "expected at least 16 characters, found \(token.count)")
        }
        return api
    }
}
