/// Cross-checks of a decoded office: unique ids, references that resolve, zones that fit.
struct OfficeConfigValidator {
    let config: OfficeConfig
    let issues: IssueCollector
    /// Where each terminal is in the file ("terminals[2]"), by id: both kinds share the array.
    let terminalPaths: [String: String]

    func validate() {
        checkUnique(config.services.map(\.id), key: "services", field: "id")
        checkUnique(config.services.map(\.letter), key: "services", field: "letter")
        checkUnique(config.counters.map(\.id), key: "counters", field: "id")
        checkUnique(config.counters.map { String($0.number) }, key: "counters", field: "number")
        checkUnique(config.terminals.map(\.id) + config.ticketTerminals.map(\.id), key: "terminals", field: "id")
        checkUnique(config.printers.map(\.id), key: "printers", field: "id")
        checkUnique(config.devices.map(\.path), key: "devices", field: "path")
        checkCounters()
        checkSurvey()
        for terminal in config.terminals {
            checkTerminal(terminal, at: terminalPaths[terminal.id] ?? "terminals")
        }
        for (index, device) in config.devices.enumerated() {
            checkDevice(device, at: "devices[\(index)]")
        }
        TicketConfigValidator(config: config, issues: issues, terminalPaths: terminalPaths).validate()
    }

    func checkUnique(_ values: [String], key: String, field: String) {
        var firstIndex: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            if let first = firstIndex[value] {
                issues.report("\(key)[\(index)].\(field)", "duplicate \(field) \"\(value)\"; already used by \(key)[\(first)]")
            } else {
                firstIndex[value] = index
            }
        }
    }

    private func checkCounters() {
        let serviceIds = Set(config.services.map(\.id))
        for (index, counter) in config.counters.enumerated() {
            for (serviceIndex, service) in counter.services.enumerated() where !serviceIds.contains(service) {
                issues.report(
                    "counters[\(index)].services[\(serviceIndex)]",
                    "unknown service \"\(service)\"; expected one of: \(config.services.map(\.id).joined(separator: ", "))")
            }
        }
    }

    private var choiceSlots: Int {
        config.survey.questions.first?.choices.count ?? 0
    }

    private func checkSurvey() {
        let questions = config.survey.questions
        checkUnique(questions.map(\.id), key: "survey.questions", field: "id")
        for (index, question) in questions.enumerated() {
            let path = "survey.questions[\(index)]"
            checkUnique(question.choices.map(\.id), key: "\(path).choices", field: "id")
            if !question.choices.contains(where: \.satisfied) {
                issues.report("\(path).choices", "expected at least one choice with satisfied = true")
            }
            if question.choices.count != choiceSlots {
                issues.report(
                    "\(path).choices",
                    "expected \(choiceSlots) choices like the first question (zones and keys select a choice by its position), found \(question.choices.count)")
            }
        }
    }

    private func checkTerminal(_ terminal: TerminalConfig, at path: String) {
        if config.counter(id: terminal.counter) == nil {
            issues.report(
                "\(path).counter",
                "unknown counter \"\(terminal.counter)\"; expected one of: \(config.counters.map(\.id).joined(separator: ", "))")
        }
        for (index, zone) in terminal.zones.enumerated() {
            let zonePath = "\(path).zones[\(index)]"
            if zone.choice > choiceSlots {
                issues.report("\(zonePath).choice", "expected a choice from 1 to \(choiceSlots) (the survey's choices), found \(zone.choice)")
            }
            guard let screen = terminal.screen else {
                issues.report("\(path).screen", "missing; zones need the screen's width and height")
                break
            }
            let r = zone.rect
            if r.x < 0 || r.y < 0 || r.x + r.width > Double(screen.width) || r.y + r.height > Double(screen.height) {
                issues.report(
                    zonePath,
                    "expected the zone inside the \(screen.width)×\(screen.height) screen, found x \(r.x)…\(r.x + r.width), y \(r.y)…\(r.y + r.height)")
            }
            for (otherIndex, other) in terminal.zones.enumerated() where otherIndex < index && other.rect.overlaps(zone.rect) {
                issues.report(zonePath, "overlaps \(path).zones[\(otherIndex)]; a touch must select one choice only")
            }
        }
        let hasTouchscreen = config.devices.contains { $0.role == .ratingTouchscreen(terminal: terminal.id) }
        if hasTouchscreen {
            if terminal.screen == nil {
                issues.report("\(path).screen", "missing; a terminal with a touchscreen needs the screen's width and height")
            }
            let covered = Set(terminal.zones.map(\.choice))
            let missing = (1...max(choiceSlots, 1)).filter { !covered.contains($0) }
            if !missing.isEmpty {
                issues.report(
                    "\(path).zones",
                    "expected a zone for every choice 1…\(choiceSlots) (it has a touchscreen); missing \(missing.map(String.init).joined(separator: ", "))")
            }
        }
        if case .armed = terminal.policy {
            let canArm = config.devices.contains { device in
                device.role == .staffKeypad(counter: terminal.counter) && device.keys.values.contains { binding in
                    if case .staff(let action) = binding { action.armsRating } else { false }
                }
            }
            if !canArm {
                issues.report(
                    "\(path).policy",
                    "policy \"armed\" needs a staff_keypad device for counter \"\(terminal.counter)\" with an \"arm\" or \"done\" key; without one no rating is ever accepted")
            }
        }
    }

    private func checkDevice(_ device: DeviceConfig, at path: String) {
        switch device.role {
        case .ratingTouchscreen(let terminal), .ratingKeypad(let terminal):
            if config.terminal(id: terminal) == nil {
                issues.report(
                    "\(path).terminal",
                    "unknown rating terminal \"\(terminal)\"; expected one of: \(config.terminals.map(\.id).joined(separator: ", "))")
            }
        case .ticketTouchscreen(let terminal), .ticketKeypad(let terminal):
            if config.ticketTerminal(id: terminal) == nil {
                issues.report(
                    "\(path).terminal",
                    "unknown ticket terminal \"\(terminal)\"; expected one of: \(config.ticketTerminals.map(\.id).joined(separator: ", "))")
            }
        case .staffKeypad(let counter):
            if config.counter(id: counter) == nil {
                issues.report(
                    "\(path).counter",
                    "unknown counter \"\(counter)\"; expected one of: \(config.counters.map(\.id).joined(separator: ", "))")
            }
        }
        for (code, binding) in device.keys {
            let name = KeyCodes.name(of: code) ?? String(code)
            switch binding {
            case .choice(let slot) where slot > choiceSlots:
                issues.report("\(path).keys.\(name)", "expected a choice from 1 to \(choiceSlots) (the survey's choices), found \(slot)")
            case .staff(.queue(.transferToService(let service))) where config.service(id: service) == nil:
                issues.report(
                    "\(path).keys.\(name)", "unknown service \"\(service)\" to transfer to; expected one of: \(config.services.map(\.id).joined(separator: ", "))")
            case .staff(.queue(.transferToCounter(let counter))) where config.counter(id: counter) == nil:
                issues.report(
                    "\(path).keys.\(name)", "unknown counter \"\(counter)\" to transfer to; expected one of: \(config.counters.map(\.id).joined(separator: ", "))")
            default:
                break
            }
        }
    }
}
