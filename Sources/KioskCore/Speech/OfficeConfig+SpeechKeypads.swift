extension OfficeConfig {
    /// The devices kioskd reads: the `[[devices]]`, then each `[[speech]]` keypad of its own as
    /// a keypad of its terminal with no keys bound, so that outside speech mode its keys do
    /// nothing and everything that follows a device (connection, status) follows it too.
    public func withSpeechKeypadDevices() -> OfficeConfig {
        var config = self
        for speech in speech {
            guard let keypad = speech.keypad else { continue }
            let role: DeviceRole = ticketTerminal(id: speech.terminal) != nil ? .ticketKeypad(terminal: speech.terminal) : .ratingKeypad(terminal: speech.terminal)
            config.devices.append(DeviceConfig(path: keypad.path, role: role, grab: true, mapping: .identity, keys: [:]))
        }
        return config
    }

    /// The telephone keys of a device of a terminal with speech mode: its own keypad's
    /// (`[[speech]] keypad`), or `PhoneKeypad.defaultKeys` for the terminal's keypad in `[[devices]]`.
    public func phoneKeys(ofDevice device: DeviceConfig, speech: SpeechConfig) -> [UInt16: PhoneKey] {
        if let keypad = speech.keypad, keypad.path == device.path { return keypad.keys }
        return PhoneKeypad.defaultKeys
    }
}
