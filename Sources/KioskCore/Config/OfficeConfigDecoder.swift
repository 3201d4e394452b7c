import Foundation

/// Turns a config tree into an `OfficeConfig`, reporting every problem with file, key and expectation.
///
/// Decoding is two passes: each table is read on its own (types, ranges, unknown keys), then the
/// cross-checks in `OfficeConfigValidator` run on what was read (ids, references, zones).
public enum OfficeConfigDecoder {
    public static func decode(_ root: [String: ConfigValue], file: String) -> Result<OfficeConfig, ConfigErrors> {
        let issues = IssueCollector(file: file)
        let top = TableReader(path: "", entries: root, issues: issues)
        top.rejectUnknownKeys([
            "office", "storage", "hours", "calendar", "ticketing", "slips", "http", "sync", "voice", "printers", "services",
            "counters", "survey", "terminals", "devices", "speech",
        ])

        let office = top.table("office").flatMap(readOffice)
        let storage = top.table("storage", required: false).map(readStorage) ?? StorageConfig.defaults
        let hours = top.table("hours", required: false).map(readHours) ?? OfficeHours.standard
        let calendarDirectory = top.table("calendar", required: false).map(readCalendarDirectory) ?? "calendar"
        let ticketing = top.table("ticketing", required: false).map(readTicketing) ?? TicketingConfig.defaults
        let slips = top.table("slips", required: false).flatMap(readSlips)
        let localAPI = top.table("http", required: false).flatMap(readLocalAPI)
        let voice = top.table("voice", required: false).map(readVoice)
        let sync = top.table("sync", required: false).map { readSync($0, officeCode: office?.code, resetHour: ticketing.resetHour) }
            ?? SyncConfig.defaults(officeCode: office?.code ?? "", resetHour: ticketing.resetHour)
        let printers = top.tables("printers", required: false)?.compactMap(readPrinter) ?? []
        let services = top.tables("services", required: false)?.compactMap(readService) ?? []
        let counters = top.tables("counters")?.compactMap(readCounter) ?? []
        let survey = top.table("survey").flatMap(readSurvey)
        let terminalTables = top.tables("terminals")?.compactMap(readAnyTerminal) ?? []
        let choiceSlots = min(survey?.questions.first?.choices.count ?? 9, 9)
        let devices = top.tables("devices")?.compactMap { readDevice($0, choiceSlots: choiceSlots) } ?? []
        let terminalIDs = terminalTables.compactMap { $0.rating?.id ?? $0.ticket?.id }
        let speech = top.tables("speech", required: false).map { readSpeech($0, terminalIDs: terminalIDs, devices: devices) } ?? []

        guard let office, let survey, let hours, issues.issues.isEmpty else {
            return .failure(ConfigErrors(issues.issues))
        }
        let config = OfficeConfig(
            office: office, storage: storage, services: services, counters: counters, survey: survey,
            terminals: terminalTables.compactMap(\.rating), devices: devices,
            ticketTerminals: terminalTables.compactMap(\.ticket), printers: printers, ticketing: ticketing,
            slips: slips, localAPI: localAPI, sync: sync, hours: hours, calendarDirectory: calendarDirectory, voice: voice,
            speech: speech)
        var terminalPaths: [String: String] = [:]
        for (index, terminal) in terminalTables.enumerated() {
            if let id = terminal.rating?.id ?? terminal.ticket?.id, terminalPaths[id] == nil { terminalPaths[id] = "terminals[\(index)]" }
        }
        OfficeConfigValidator(config: config, issues: issues, terminalPaths: terminalPaths).validate()
        return issues.issues.isEmpty ? .success(config) : .failure(ConfigErrors(issues.issues))
    }

    private static func readOffice(_ table: TableReader) -> OfficeInfo? {
        table.rejectUnknownKeys(["code", "name", "time_zone"])
        let code = table.string("code")
        let name = table.string("name")
        let zone = table.string("time_zone", required: false) ?? "Asia/Ho_Chi_Minh"
        if TimeZone(identifier: zone) == nil {
            table.issues.report(table.keyPath("time_zone"), "expected an IANA time zone such as Asia/Ho_Chi_Minh, found \"\(zone)\"")
        }
        if let code, !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            table.issues.report(table.keyPath("code"), "expected ASCII letters, digits, '-' or '_', found \"\(code)\"")
        }
        guard let code, let name else { return nil }
        return OfficeInfo(code: code, name: name, timeZone: zone)
    }

    private static func readStorage(_ table: TableReader) -> StorageConfig {
        table.rejectUnknownKeys(["database", "control_socket"])
        return StorageConfig(
            database: table.string("database", required: false) ?? StorageConfig.defaults.database,
            controlSocket: table.string("control_socket", required: false) ?? StorageConfig.defaults.controlSocket)
    }

    private static func readService(_ table: TableReader) -> ServiceConfig? {
        table.rejectUnknownKeys(["id", "letter", "name"])
        let id = table.string("id")
        let letter = table.string("letter")
        let name = table.string("name")
        if let letter, !(letter.count == 1 && letter.first!.isASCII && letter.first!.isUppercase) {
            table.issues.report(table.keyPath("letter"), "expected one capital letter A–Z, found \"\(letter)\"")
            return nil
        }
        guard let id, let letter, let name else { return nil }
        return ServiceConfig(id: id, letter: letter, name: name)
    }

    private static func readCounter(_ table: TableReader) -> CounterConfig? {
        table.rejectUnknownKeys(["id", "number", "name", "services", "slip_printer"])
        let id = table.string("id")
        let number = table.integer("number", in: 1...999)
        let name = table.string("name", required: false)
        let services = table.strings("services", required: false) ?? []
        let slipPrinter = table.string("slip_printer", required: false)
        guard let id, let number else { return nil }
        return CounterConfig(id: id, number: number, name: name ?? "Quầy \(number)", services: services, slipPrinter: slipPrinter)
    }

    private static func readSurvey(_ table: TableReader) -> Survey? {
        table.rejectUnknownKeys(["preset", "questions"])
        switch (table.has("preset"), table.has("questions")) {
        case (true, true):
            table.issues.report(table.path, "expected either preset or questions, not both")
            return nil
        case (false, false):
            table.issues.report(table.keyPath("questions"), "missing; give questions, or preset = one of: \(SurveyPresets.names.joined(separator: ", "))")
            return nil
        case (true, false):
            guard let name = table.string("preset") else { return nil }
            guard let survey = SurveyPresets.named(name) else {
                table.issues.report(table.keyPath("preset"), "expected one of: \(SurveyPresets.names.joined(separator: ", ")); found \"\(name)\"")
                return nil
            }
            return survey
        case (false, true):
            guard let questionTables = table.tables("questions") else { return nil }
            if questionTables.isEmpty {
                table.issues.report(table.keyPath("questions"), "expected at least one question; the survey is empty")
                return nil
            }
            let questions = questionTables.compactMap(readQuestion)
            return questions.count == questionTables.count ? Survey(questions: questions) : nil
        }
    }

    private static func readQuestion(_ table: TableReader) -> Question? {
        table.rejectUnknownKeys(["id", "text", "text_en", "choices"])
        let id = table.string("id")
        let text = table.string("text")
        let english = table.string("text_en", required: false) ?? ""
        guard let choiceTables = table.tables("choices") else { return nil }
        if choiceTables.count < 2 {
            table.issues.report(table.keyPath("choices"), "expected at least two choices, found \(choiceTables.count)")
            return nil
        }
        let choices = choiceTables.compactMap(readChoice)
        guard let id, let text, choices.count == choiceTables.count else { return nil }
        return Question(id: id, text: text, textEnglish: english, choices: choices)
    }

    private static func readChoice(_ table: TableReader) -> Choice? {
        table.rejectUnknownKeys(["id", "label", "label_en", "score", "satisfied"])
        let id = table.string("id")
        let label = table.string("label")
        let english = table.string("label_en", required: false) ?? ""
        let score = table.integer("score", in: 0...100)
        let satisfied = table.bool("satisfied")
        guard let id, let label, let score, let satisfied else { return nil }
        return Choice(id: id, label: label, labelEnglish: english, score: score, satisfied: satisfied)
    }

    /// A `[[terminals]]` entry of either kind.
    struct AnyTerminal {
        var rating: TerminalConfig?
        var ticket: TicketTerminalConfig?
    }

    private static func readAnyTerminal(_ table: TableReader) -> AnyTerminal? {
        switch table.choice("kind", ["rating": "rating", "ticket": "ticket"]) {
        case "rating": readTerminal(table).map { AnyTerminal(rating: $0) }
        case "ticket": readTicketTerminal(table).map { AnyTerminal(ticket: $0) }
        default: nil
        }
    }

    private static func readTerminal(_ table: TableReader) -> TerminalConfig? {
        table.rejectUnknownKeys([
            "id", "kind", "counter", "policy", "lockout_seconds", "arm_window_seconds", "min_press_ms",
            "max_press_ms", "session_timeout_seconds", "screen", "zones",
        ])
        let id = table.string("id")
        let kind = TerminalKind.rating
        let counter = table.string("counter")
        let policyName = table.choice("policy", ["free": "free", "armed": "armed"])
        let lockout = table.number("lockout_seconds", required: false, in: 0...3600) ?? 30
        let window = table.number("arm_window_seconds", required: false, in: 1...3600) ?? 120
        if policyName == "free" && table.has("arm_window_seconds") {
            table.issues.report(table.keyPath("arm_window_seconds"), "only applies to policy = \"armed\"")
        }
        if policyName == "armed" && table.has("lockout_seconds") {
            table.issues.report(table.keyPath("lockout_seconds"), "only applies to policy = \"free\"")
        }
        let minimum = table.number("min_press_ms", required: false, in: 0...10_000) ?? PressLimits.standard.minimumSeconds * 1000
        let maximum = table.number("max_press_ms", required: false, in: 1...60_000) ?? PressLimits.standard.maximumSeconds * 1000
        if minimum >= maximum {
            table.issues.report(table.keyPath("min_press_ms"), "expected less than max_press_ms (\(maximum)), found \(minimum)")
        }
        let timeout = table.number("session_timeout_seconds", required: false, in: 1...3600) ?? 60
        let screen = table.table("screen", required: false).flatMap(readScreen)
        let zones = table.tables("zones", required: false)?.compactMap(readZone) ?? []
        guard let id, let counter, let policyName else { return nil }
        let policy: VotePolicy = policyName == "free" ? .free(lockoutSeconds: lockout) : .armed(windowSeconds: window)
        return TerminalConfig(
            id: id, kind: kind, counter: counter, policy: policy,
            pressLimits: PressLimits(minimumSeconds: minimum / 1000, maximumSeconds: maximum / 1000),
            sessionTimeoutSeconds: timeout, screen: screen, zones: zones)
    }

    static func readScreen(_ table: TableReader) -> ScreenSize? {
        table.rejectUnknownKeys(["width", "height"])
        let width = table.integer("width", in: 1...16384)
        let height = table.integer("height", in: 1...16384)
        guard let width, let height else { return nil }
        return ScreenSize(width: width, height: height)
    }

    private static func readZone(_ table: TableReader) -> Zone? {
        table.rejectUnknownKeys(["choice", "x", "y", "width", "height"])
        let choice = table.integer("choice", in: 1...99)
        guard let rect = readRect(table), let choice else { return nil }
        return Zone(choice: choice, rect: rect)
    }

    static func readRect(_ table: TableReader) -> Rect? {
        let x = table.number("x")
        let y = table.number("y")
        let width = table.number("width")
        let height = table.number("height")
        for (key, value) in [("width", width), ("height", height)] {
            if let value, value <= 0 { table.issues.report(table.keyPath(key), "expected a positive number, found \(value)") }
        }
        guard let x, let y, let width, let height, width > 0, height > 0 else { return nil }
        return Rect(x: x, y: y, width: width, height: height)
    }

    private static func readDevice(_ table: TableReader, choiceSlots: Int) -> DeviceConfig? {
        table.rejectUnknownKeys(["path", "role", "terminal", "counter", "grab", "calibration", "rotation", "accept_indirect", "keys"])
        let path = table.string("path")
        let roleName = table.choice(
            "role",
            [
                "rating_touchscreen": "rating_touchscreen", "rating_keypad": "rating_keypad", "staff_keypad": "staff_keypad",
                "ticket_touchscreen": "ticket_touchscreen", "ticket_keypad": "ticket_keypad",
            ])
        let grab = table.bool("grab", required: false) ?? true
        if let path, !path.hasPrefix("/") {
            table.issues.report(table.keyPath("path"), "expected an absolute path such as /dev/input/by-id/*-event-kbd, found \"\(path)\"")
        }
        var role: DeviceRole?
        switch roleName {
        case "rating_touchscreen", "rating_keypad", "ticket_touchscreen", "ticket_keypad":
            if table.has("counter") {
                table.issues.report(table.keyPath("counter"), "a \(roleName!) belongs to a terminal; use terminal = \"…\"")
            }
            if let terminal = table.string("terminal") {
                switch roleName {
                case "rating_touchscreen": role = .ratingTouchscreen(terminal: terminal)
                case "rating_keypad": role = .ratingKeypad(terminal: terminal)
                case "ticket_touchscreen": role = .ticketTouchscreen(terminal: terminal)
                default: role = .ticketKeypad(terminal: terminal)
                }
            }
        case "staff_keypad":
            if table.has("terminal") {
                table.issues.report(table.keyPath("terminal"), "a staff_keypad belongs to a counter; use counter = \"…\"")
            }
            if let counter = table.string("counter") { role = .staffKeypad(counter: counter) }
        default:
            break
        }
        let isTouchscreen = roleName == "rating_touchscreen" || roleName == "ticket_touchscreen"
        let mapping = readMapping(table, isTouchscreen: isTouchscreen)
        let acceptsIndirect = table.bool("accept_indirect", required: false) ?? false
        if !isTouchscreen && table.has("accept_indirect") {
            table.issues.report(table.keyPath("accept_indirect"), "only applies to touchscreens (rating_touchscreen, ticket_touchscreen)")
        }
        let keys = readKeys(table, role: role, choiceSlots: choiceSlots)
        guard let path, let role, let mapping, let keys else { return nil }
        return DeviceConfig(path: path, role: role, grab: grab, mapping: mapping, keys: keys, acceptsIndirect: acceptsIndirect)
    }

    private static func readMapping(_ table: TableReader, isTouchscreen: Bool) -> TouchMapping? {
        if !isTouchscreen {
            for key in ["calibration", "rotation"] where table.has(key) {
                table.issues.report(table.keyPath(key), "only applies to touchscreens (rating_touchscreen, ticket_touchscreen)")
            }
            return .identity
        }
        var matrix = TouchMapping.identityMatrix
        if let values = table.numbers("calibration", required: false) {
            if values.count == 6 {
                matrix = values
            } else {
                table.issues.report(table.keyPath("calibration"), "expected 6 numbers [a, b, c, d, e, f], found \(values.count)")
                return nil
            }
        }
        let degrees = table.integer("rotation", required: false) ?? 0
        guard let rotation = TouchMapping.Rotation(rawValue: degrees) else {
            table.issues.report(table.keyPath("rotation"), "expected 0, 90, 180 or 270 (degrees clockwise), found \(degrees)")
            return nil
        }
        return TouchMapping(calibration: matrix, rotation: rotation)
    }

    private static func readKeys(_ table: TableReader, role: DeviceRole?, choiceSlots: Int) -> [UInt16: KeyBinding]? {
        guard let role else { return nil }
        if role.isTouchscreen {
            if table.has("keys") { table.issues.report(table.keyPath("keys"), "only applies to keypads") }
            return [:]
        }
        guard let keyTable = table.table("keys", required: false) else {
            if case .ticketKeypad = role {
                table.issues.report(table.keyPath("keys"), "missing; a ticket_keypad needs keys = { KEY_KP1 = \"service-id\", … }")
                return nil
            }
            return defaultKeys(for: role, choiceSlots: choiceSlots)
        }
        var bindings: [UInt16: KeyBinding] = [:]
        var valid = true
        for name in keyTable.entries.keys.sorted() {
            let keyPath = keyTable.keyPath(name)
            guard let code = KeyCodes.code(named: name) else {
                table.issues.report(keyPath, "expected a Linux key name such as KEY_KP1 or KEY_KPENTER, found \"\(name)\"")
                valid = false
                continue
            }
            if code == KeyCodes.numLock {
                table.issues.report(keyPath, "KEY_NUMLOCK cannot be bound: keypads send it around other keys, so it is always ignored")
                valid = false
                continue
            }
            switch role {
            case .ratingKeypad:
                guard let slot = keyTable.integer(name, in: 1...99) else { valid = false; continue }
                bindings[code] = .choice(slot)
            case .staffKeypad:
                guard let action = readStaffKey(keyTable, name: name) else { valid = false; continue }
                bindings[code] = .staff(action)
            case .ticketKeypad:
                guard let choice = readTicketKey(keyTable, name: name) else { valid = false; continue }
                bindings[code] = .ticket(choice)
            case .ratingTouchscreen, .ticketTouchscreen:
                break
            }
        }
        return valid ? bindings : nil
    }

    static func readVoice(_ table: TableReader) -> VoiceConfig {
        table.rejectUnknownKeys(["device", "voice", "words_per_minute"])
        let defaults = VoiceConfig()
        return VoiceConfig(
            device: table.string("device", required: false) ?? defaults.device, voice: table.string("voice", required: false) ?? defaults.voice,
            wordsPerMinute: table.integer("words_per_minute", required: false, in: 80...400) ?? defaults.wordsPerMinute)
    }

    /// A staff key's action: a plain name, `transfer:SERVICE` or `transfer_to_counter:COUNTER`
    /// (whether the service or counter exists is the validator's check).
    static func readStaffKey(_ table: TableReader, name: String) -> StaffAction? {
        guard let word = table.string(name) else { return nil }
        for (prefix, make) in [("transfer:", { QueueCommand.transferToService($0) }), ("transfer_to_counter:", { QueueCommand.transferToCounter($0) })]
        where word.hasPrefix(prefix) && word.count > prefix.count {
            return .queue(make(String(word.dropFirst(prefix.count))))
        }
        if let match = StaffAction.names.first(where: { $0.key == word }) { return match.value }
        table.issues.report(
            table.keyPath(name),
            "expected one of: \(StaffAction.names.map(\.key).joined(separator: ", ")), transfer:SERVICE, transfer_to_counter:COUNTER; found \"\(word)\"")
        return nil
    }

    /// KEY_KP1…KEY_KPn for the n choices on a rating keypad; KEY_KPENTER arms on a staff keypad.
    static func defaultKeys(for role: DeviceRole, choiceSlots: Int) -> [UInt16: KeyBinding] {
        switch role {
        case .ratingKeypad:
            var keys: [UInt16: KeyBinding] = [:]
            for slot in 1...max(choiceSlots, 1) { keys[KeyCodes.code(named: "KEY_KP\(slot)")!] = .choice(slot) }
            return keys
        case .staffKeypad:
            return [KeyCodes.code(named: "KEY_KPENTER")!: .staff(.arm)]
        case .ratingTouchscreen, .ticketTouchscreen, .ticketKeypad:
            return [:]
        }
    }
}

extension StorageConfig {
    public static let defaults = StorageConfig(database: "kiosk.sqlite", controlSocket: "kioskd.sock")
}
