/// Cross-checks of the printing side: ticket terminals, printers, slips.
struct TicketConfigValidator {
    let config: OfficeConfig
    let issues: IssueCollector
    let terminalPaths: [String: String]

    func validate() {
        for terminal in config.ticketTerminals {
            checkTicketTerminal(terminal, at: terminalPaths[terminal.id] ?? "terminals")
        }
        for (index, device) in config.devices.enumerated() {
            for (code, binding) in device.keys {
                guard case .ticket(let choice) = binding else { continue }
                let name = KeyCodes.name(of: code) ?? String(code)
                checkService(choice.service, at: "devices[\(index)].keys.\(name)")
            }
        }
        for (index, counter) in config.counters.enumerated() {
            if let printer = counter.slipPrinter { checkPrinter(printer, at: "counters[\(index)].slip_printer") }
        }
        if let slips = config.slips {
            checkPrinter(slips.printer, at: "slips.printer")
        } else if let index = config.counters.firstIndex(where: { $0.slipPrinter != nil }) {
            issues.report("counters[\(index)].slip_printer", "needs a [slips] table (issuing body, place, feedback address and hotline)")
        }
    }

    private func checkTicketTerminal(_ terminal: TicketTerminalConfig, at path: String) {
        checkPrinter(terminal.printer, at: "\(path).printer")
        let devices = config.devices.filter { $0.ticketTerminal == terminal.id }
        let hasTouchscreen = devices.contains { $0.role.isTouchscreen }
        if devices.isEmpty {
            issues.report(path, "no device issues its tickets; add a [[devices]] entry with role = \"ticket_touchscreen\" or \"ticket_keypad\" and terminal = \"\(terminal.id)\"")
        }
        if hasTouchscreen && terminal.zones.isEmpty {
            issues.report("\(path).zones", "expected at least one zone { service = \"…\", x, y, width, height } (it has a touchscreen)")
        }
        if (hasTouchscreen || !terminal.zones.isEmpty) && terminal.screen == nil {
            issues.report("\(path).screen", "missing; zones need the screen's width and height")
        }
        for (index, zone) in terminal.zones.enumerated() {
            let zonePath = "\(path).zones[\(index)]"
            checkService(zone.choice.service, at: "\(zonePath).service")
            if let screen = terminal.screen {
                let r = zone.rect
                if r.x < 0 || r.y < 0 || r.x + r.width > Double(screen.width) || r.y + r.height > Double(screen.height) {
                    issues.report(
                        zonePath,
                        "expected the zone inside the \(screen.width)×\(screen.height) screen, found x \(r.x)…\(r.x + r.width), y \(r.y)…\(r.y + r.height)")
                }
            }
            for (otherIndex, other) in terminal.zones.enumerated() where otherIndex < index && other.rect.overlaps(zone.rect) {
                issues.report(zonePath, "overlaps \(path).zones[\(otherIndex)]; a touch must select one service only")
            }
        }
    }

    private func checkService(_ service: String, at path: String) {
        if config.service(id: service) == nil {
            issues.report(path, "unknown service \"\(service)\"; expected one of: \(config.services.map(\.id).joined(separator: ", "))")
        }
    }

    private func checkPrinter(_ printer: String, at path: String) {
        if config.printer(id: printer) == nil {
            let known = config.printers.map(\.id)
            issues.report(
                path,
                known.isEmpty
                    ? "unknown printer \"\(printer)\"; no [[printers]] are configured"
                    : "unknown printer \"\(printer)\"; expected one of: \(known.joined(separator: ", "))")
        }
    }
}
