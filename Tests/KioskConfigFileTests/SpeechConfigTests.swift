import KioskConfigFile
import KioskCore
import Testing

/// `[[speech]]`: a terminal's speech mode, read with its defaults, every mistake named, and the
/// script it gives the session.
@Suite struct SpeechConfigTests {
    static func office(_ speech: String) -> String {
        OfficeTOML.minimal + "\n" + speech + "\n"
    }

    static let keypadRating = "[[speech]]\nterminal = \"ban-phim\"\noutput = \"speaker\"\n"

    @Test func withoutASpeechTableNoTerminalSpeaks() throws {
        #expect(try decodeValid(OfficeTOML.minimal).speech == [])
    }

    @Test func aTerminalWithAKeypadNeedsOnlyItsOutput() throws {
        let config = try decodeValid(Self.office(Self.keypadRating))
        #expect(config.speech == [SpeechConfig(terminal: "ban-phim", output: .speaker)])
        let speech = try #require(config.speech(terminal: "ban-phim"))
        #expect(speech.startKey == .longPress(.five) && speech.longPressSeconds == 1 && speech.silenceTimeoutSeconds == 30)
        #expect(speech.volume == 6 && speech.rate == 3 && speech.device == "default" && speech.keypad == nil && speech.clipsDirectory == nil)
    }

    @Test func everyKeyIsRead() throws {
        let config = try decodeValid(Self.office("""
            [[speech]]
            terminal = "man-hinh"
            place = "bên trái quầy số một"
            output = "headphones"
            device = "plughw:1,0"
            start_key = "KEY_HELP"
            long_press_ms = 1500
            silence_timeout_seconds = 45
            volume = 8
            rate = 5
            clips = "speech-clips"
            keypad = { path = "/dev/input/by-id/usb-tactile-event-kbd", keys = { KEY_NUMERIC_1 = "1", KEY_NUMERIC_STAR = "*", KEY_KPENTER = "#" } }
            """))
        let code = { (name: String) in KeyCodes.code(named: name)! }
        #expect(config.speech == [
            SpeechConfig(
                terminal: "man-hinh", place: "bên trái quầy số một",
                keypad: PhoneKeypad(
                    path: "/dev/input/by-id/usb-tactile-event-kbd",
                    keys: [code("KEY_NUMERIC_1"): .one, code("KEY_NUMERIC_STAR"): .star, code("KEY_KPENTER"): .pound]),
                output: .headphones, device: "plughw:1,0", startKey: .dedicated(code("KEY_HELP")), longPressSeconds: 1.5,
                silenceTimeoutSeconds: 45, volume: 8, rate: 5, clipsDirectory: "speech-clips"),
        ])
    }

    @Test func aKeypadWithoutKeysHasTheTelephoneAndNumericPadKeys() throws {
        let config = try decodeValid(Self.office(Self.keypadRating + "keypad = { path = \"/dev/input/tactile\" }\nstart_key = \"long_0\"\n"))
        let keypad = try #require(config.speech.first?.keypad)
        #expect(keypad.keys == PhoneKeypad.defaultKeys)
        for (name, key) in [("KEY_KP5", PhoneKey.five), ("KEY_NUMERIC_5", .five), ("KEY_NUMERIC_POUND", .pound), ("KEY_KPASTERISK", .star), ("KEY_KP0", .zero)] {
            #expect(keypad.keys[try keyCode(name)] == key, "\(name)")
        }
        #expect(config.speech.first?.startKey == .longPress(.zero))
    }

    @Test(arguments: [
        ("terminal = \"khong-co\"\noutput = \"speaker\"", "speech[0].terminal", "expected the id of a [[terminals]] entry (man-hinh, ban-phim)"),
        ("terminal = \"ban-phim\"", "speech[0].output", "missing"),
        ("terminal = \"ban-phim\"\noutput = \"loa\"", "speech[0].output", "expected one of: speaker, headphones"),
        ("terminal = \"man-hinh\"\noutput = \"speaker\"", "speech[0].keypad", "terminal \"man-hinh\" has no keypad in [[devices]]"),
        (keypadRating + "start_key = \"long_x\"", "speech[0].start_key", "expected long_5"),
        (keypadRating + "start_key = \"KEY_KP5\"\nkeypad = { path = \"/dev/input/tactile\" }", "speech[0].start_key", "a key of its own"),
        (keypadRating + "volume = 11", "speech[0].volume", "from 1 to 10"),
        (keypadRating + "rate = 0", "speech[0].rate", "from 1 to 10"),
        (keypadRating + "silence_timeout_seconds = 2", "speech[0].silence_timeout_seconds", "from 5.0 to 600.0"),
        (keypadRating + "long_press_ms = 100", "speech[0].long_press_ms", "from 300 to 5000"),
        (keypadRating + "clips = \"\"", "speech[0].clips", "non-empty"),
        (keypadRating + "voice = \"vi\"", "speech[0].voice", "unknown key"),
        (keypadRating + "keypad = { path = \"dev/tactile\" }", "speech[0].keypad.path", "expected an absolute path"),
        (keypadRating + "keypad = { path = \"/dev/t\", keys = { KEY_KP1 = \"A\" } }", "speech[0].keypad.keys.KEY_KP1", "one of 0–9, * or #"),
        (keypadRating + "keypad = { path = \"/dev/t\", keys = { KEY_BOGUS = \"1\" } }", "speech[0].keypad.keys.KEY_BOGUS", "Linux key name"),
        (keypadRating + "keypad = { path = \"/dev/t\", device = \"/dev/t\" }", "speech[0].keypad.device", "unknown key"),
    ])
    func mistakesAreNamed(table: String, key: String, fragment: String) {
        let text = table.hasPrefix("[[speech]]") ? table : "[[speech]]\n" + table
        expectSingleIssue(Self.office(text), key: key, messageContains: fragment)
    }

    @Test func anUnknownTerminalIsNamedBesideTheOtherMistakes() {
        let issues = configIssues(Self.office("[[speech]]\nterminal = \"khong-co\"\nvolume = 0\n"))
        #expect(Set(issues.map(\.key)) == ["speech[0].terminal", "speech[0].output", "speech[0].volume"], "\(issues)")
    }

    @Test func aTerminalHasOneSpeechTable() {
        expectSingleIssue(
            Self.office(Self.keypadRating + "\n" + Self.keypadRating), key: "speech[1].terminal", messageContains: "already has speech mode in speech[0]")
    }

    @Test func theEntranceScriptListsItsZonesAndKeysServicesWithTheirPriorities() throws {
        let config = try decodeValid(PrintingConfigTests.office + "\n[[speech]]\nterminal = \"lay-so\"\noutput = \"speaker\"\nplace = \"cạnh cửa ra vào\"\n")
        let speech = try #require(config.speech(terminal: "lay-so"))
        #expect(SpeechScript(office: config, speech: speech) == .entrance(
            place: "cạnh cửa ra vào",
            services: [
                .init(id: "ho-tich", name: "Tư pháp – Hộ tịch", priorities: [nil, "Người cao tuổi"]),
                .init(id: "dat-dai", name: "Đất đai", priorities: [nil, "Phụ nữ mang thai"]),
            ]))
    }

    @Test func theRatingScriptIsTheCounterAndTheSurveyAndThePlaceDefaultsToTheOffice() throws {
        let config = try decodeValid(Self.office(Self.keypadRating))
        let script = try #require(SpeechScript(office: config, speech: config.speech[0]))
        guard case .rating(let counter, let place, let questions) = script else {
            Issue.record("expected a rating script, found \(script)")
            return
        }
        #expect(counter == 2)
        #expect(place == "Bộ phận Một cửa thử nghiệm")
        #expect(questions.map(\.text) == config.survey.questions.map(\.text))
        #expect(questions.first?.choices == config.survey.questions.first?.choices.map(\.label))
        #expect(SpeechScript(office: config, speech: SpeechConfig(terminal: "khong-co")) == nil)
    }
}
