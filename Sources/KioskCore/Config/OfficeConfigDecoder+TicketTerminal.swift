/// `[[terminals]]` with kind = "ticket": the entrance terminal, its service zones and printer.
extension OfficeConfigDecoder {
    static func readTicketTerminal(_ table: TableReader) -> TicketTerminalConfig? {
        table.rejectUnknownKeys(["id", "kind", "printer", "min_press_ms", "max_press_ms", "lockout_seconds", "screen", "zones"])
        let id = table.string("id")
        let printer = table.string("printer")
        let minimum = table.number("min_press_ms", required: false, in: 0...10_000) ?? PressLimits.standard.minimumSeconds * 1000
        let maximum = table.number("max_press_ms", required: false, in: 1...60_000) ?? PressLimits.standard.maximumSeconds * 1000
        if minimum >= maximum {
            table.issues.report(table.keyPath("min_press_ms"), "expected less than max_press_ms (\(maximum)), found \(minimum)")
        }
        let lockout = table.number("lockout_seconds", required: false, in: 0...60) ?? 1.5
        let screen = table.table("screen", required: false).flatMap(readScreen)
        let zones = table.tables("zones", required: false)?.compactMap(readTicketZone) ?? []
        guard let id, let printer else { return nil }
        return TicketTerminalConfig(
            id: id, printer: printer, pressLimits: PressLimits(minimumSeconds: minimum / 1000, maximumSeconds: maximum / 1000),
            lockoutSeconds: lockout, screen: screen, zones: zones)
    }

    private static func readTicketZone(_ table: TableReader) -> TicketZone? {
        table.rejectUnknownKeys(["service", "priority", "x", "y", "width", "height"])
        let service = table.string("service")
        let priority = table.string("priority", required: false)
        guard let rect = readRect(table), let service else { return nil }
        return TicketZone(choice: TicketChoice(service: service, priority: priority), rect: rect)
    }

    /// A ticket key: `KEY_KP1 = "ho-tich"`, or `KEY_KP7 = { service = "ho-tich", priority = "Người cao tuổi" }`.
    static func readTicketKey(_ keys: TableReader, name: String) -> TicketChoice? {
        if case .table = keys.entries[name], let table = keys.table(name, required: false) {
            table.rejectUnknownKeys(["service", "priority"])
            guard let service = table.string("service") else { return nil }
            return TicketChoice(service: service, priority: table.string("priority", required: false))
        }
        if case .string = keys.entries[name] {
            return keys.string(name).map { TicketChoice(service: $0) }
        }
        keys.issues.report(
            keys.keyPath(name),
            "expected a service id (\"ho-tich\") or { service = \"…\", priority = \"…\" }, found \(keys.entries[name]?.typeName ?? "nothing")")
        return nil
    }
}
