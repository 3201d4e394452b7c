/// `[[speech]]`: speech mode of a terminal (see `SpeechConfig`).
extension OfficeConfigDecoder {
    static func readSpeech(_ tables: [TableReader], terminalIDs: [String], devices: [DeviceConfig]) -> [SpeechConfig] {
        var seen: [String: String] = [:]
        return tables.compactMap { table in
            let (terminal, speech) = readSpeech(table)
            guard let terminal else { return nil }
            if !terminalIDs.contains(terminal) {
                table.issues.report(
                    table.keyPath("terminal"),
                    "expected the id of a [[terminals]] entry (\(terminalIDs.joined(separator: ", "))), found \"\(terminal)\"")
                return nil
            }
            if let earlier = seen[terminal] {
                table.issues.report(table.keyPath("terminal"), "terminal \"\(terminal)\" already has speech mode in \(earlier)")
                return nil
            }
            seen[terminal] = table.path
            if !table.has("keypad"), !devices.contains(where: { $0.terminal == terminal && !$0.role.isTouchscreen }) {
                table.issues.report(
                    table.keyPath("keypad"),
                    "missing; terminal \"\(terminal)\" has no keypad in [[devices]], so give keypad = { path = \"/dev/input/by-id/…\" }")
                return nil
            }
            return speech
        }
    }

    /// The terminal named, even when the rest is wrong, so that its reference is checked too.
    private static func readSpeech(_ table: TableReader) -> (terminal: String?, speech: SpeechConfig?) {
        table.rejectUnknownKeys([
            "terminal", "place", "keypad", "output", "device", "start_key", "long_press_ms", "silence_timeout_seconds", "volume",
            "rate", "clips",
        ])
        let defaults = SpeechConfig(terminal: "")
        let terminal = table.string("terminal")
        let place = table.string("place", required: false)
        let keypadTable = table.table("keypad", required: false)
        let keypad = keypadTable.flatMap(readPhoneKeypad)
        let output = table.choice("output", ["speaker": AudioOutput.speaker, "headphones": AudioOutput.headphones])
        let device = table.string("device", required: false) ?? defaults.device
        let startKey = readStartKey(table) ?? defaults.startKey
        let longPress = table.integer("long_press_ms", required: false, in: 300...5000).map { Double($0) / 1000 } ?? defaults.longPressSeconds
        let timeout = table.number("silence_timeout_seconds", required: false, in: 5...600) ?? defaults.silenceTimeoutSeconds
        let volume = table.integer("volume", required: false, in: SpeechConfig.levels) ?? defaults.volume
        let rate = table.integer("rate", required: false, in: SpeechConfig.levels) ?? defaults.rate
        let clips = table.string("clips", required: false)
        if case .dedicated(let code) = startKey, let key = keypad?.keys[code] {
            table.issues.report(
                table.keyPath("start_key"), "expected a key of its own, found \(KeyCodes.name(of: code) ?? "\(code)"), the keypad's \(key.rawValue)")
        }
        guard let terminal, let output, keypadTable == nil || keypad != nil else { return (terminal, nil) }
        return (terminal, SpeechConfig(
            terminal: terminal, place: place, keypad: keypad, output: output, device: device, startKey: startKey, longPressSeconds: longPress,
            silenceTimeoutSeconds: timeout, volume: volume, rate: rate, clipsDirectory: clips))
    }

    /// `start_key = "long_5"` (a long press of a keypad key) or a Linux key name for a dedicated key.
    private static func readStartKey(_ table: TableReader) -> SpeechStartKey? {
        guard let word = table.string("start_key", required: false) else { return nil }
        if word.hasPrefix("long_"), let key = PhoneKey(rawValue: String(word.dropFirst(5))) { return .longPress(key) }
        if let code = KeyCodes.code(named: word), code != KeyCodes.numLock { return .dedicated(code) }
        table.issues.report(
            table.keyPath("start_key"), "expected long_5 (a long press of 5), long_N for another keypad key, or a Linux key name such as KEY_HELP, found \"\(word)\"")
        return nil
    }

    private static func readPhoneKeypad(_ table: TableReader) -> PhoneKeypad? {
        table.rejectUnknownKeys(["path", "keys"])
        let path = table.string("path")
        if let path, !path.hasPrefix("/") {
            table.issues.report(table.keyPath("path"), "expected an absolute path such as /dev/input/by-id/*-event-kbd, found \"\(path)\"")
        }
        var keys = PhoneKeypad.defaultKeys
        var valid = path?.hasPrefix("/") == true
        if let keyTable = table.table("keys", required: false) {
            keys = [:]
            for name in keyTable.entries.keys.sorted() {
                guard let code = KeyCodes.code(named: name), code != KeyCodes.numLock else {
                    keyTable.issues.report(keyTable.keyPath(name), "expected a Linux key name such as KEY_KP1 or KEY_NUMERIC_STAR, found \"\(name)\"")
                    valid = false
                    continue
                }
                guard let word = keyTable.string(name) else {
                    valid = false
                    continue
                }
                guard let key = PhoneKey(rawValue: word) else {
                    keyTable.issues.report(keyTable.keyPath(name), "expected a telephone key: one of 0–9, * or #; found \"\(word)\"")
                    valid = false
                    continue
                }
                keys[code] = key
            }
        }
        guard valid, let path else { return nil }
        return PhoneKeypad(path: path, keys: keys)
    }
}
