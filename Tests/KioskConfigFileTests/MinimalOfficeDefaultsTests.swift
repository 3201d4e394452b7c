import KioskConfigFile
import KioskCore
import Testing

/// The minimal office the error tests start from is valid, and keys it leaves out take their documented defaults.
@Suite struct MinimalOfficeDefaultsTests {
    @Test func minimalOfficeIsValid() {
        #expect(configIssues(OfficeTOML.minimal) == [])
    }

    @Test func omittedStorageUsesTheDefaultFileNames() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        #expect(config.storage.database == "kiosk.sqlite")
        #expect(config.storage.controlSocket == "kioskd.sock")
    }

    @Test func omittedTimeZoneIsHoChiMinhCity() throws {
        let config = try decodeValid(OfficeTOML.minimal.replacingFirst("time_zone = \"Asia/Ho_Chi_Minh\"\n", with: ""))
        #expect(config.office.timeZone == "Asia/Ho_Chi_Minh")
    }

    @Test func omittedCounterNameIsQuayAndTheNumber() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        #expect(config.counters.map(\.name) == ["Quầy 1", "Quầy 2"])
        let name = config.counters[0].name
        #expect(Array(name.unicodeScalars) == Array(name.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func omittedTerminalTimingsTakeTheirDefaults() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        let touch = try #require(config.terminal(id: "man-hinh"))
        #expect(touch.policy == .free(lockoutSeconds: 30))
        #expect(touch.pressLimits == PressLimits(minimumSeconds: 0.03, maximumSeconds: 3))
        #expect(touch.sessionTimeoutSeconds == 60)
        let keypad = try #require(config.terminal(id: "ban-phim"))
        #expect(keypad.policy == .armed(windowSeconds: 120))
    }

    @Test func omittedLockoutAndArmWindowDefaultToThirtyAndOneHundredTwentySeconds() throws {
        let text = OfficeTOML.minimal
            .replacingFirst("lockout_seconds = 30\n", with: "")
            .replacingFirst("arm_window_seconds = 120\n", with: "")
        let config = try decodeValid(text)
        #expect(config.terminals.map(\.policy) == [.free(lockoutSeconds: 30), .armed(windowSeconds: 120)])
    }

    @Test func pressLimitsAndSessionTimeoutAreReadInMillisecondsAndSeconds() throws {
        let text = OfficeTOML.minimal.replacingFirst(
            "lockout_seconds = 30\n", with: "lockout_seconds = 5\nmin_press_ms = 50\nmax_press_ms = 2500\nsession_timeout_seconds = 90\n")
        let terminal = try #require(try decodeValid(text).terminal(id: "man-hinh"))
        #expect(terminal.policy == .free(lockoutSeconds: 5))
        #expect(terminal.pressLimits == PressLimits(minimumSeconds: 0.05, maximumSeconds: 2.5))
        #expect(terminal.sessionTimeoutSeconds == 90)
    }

    @Test func ratingKeypadWithoutKeysGetsKeypadDigitsOneToTheNumberOfChoices() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        let keypad = try #require(config.devices.first { $0.role == .ratingKeypad(terminal: "ban-phim") })
        #expect(keypad.keys == [
            try keyCode("KEY_KP1"): .choice(1), try keyCode("KEY_KP2"): .choice(2),
            try keyCode("KEY_KP3"): .choice(3), try keyCode("KEY_KP4"): .choice(4),
        ])
        #expect(keypad.keys == [79: .choice(1), 80: .choice(2), 81: .choice(3), 75: .choice(4)])
    }

    @Test func ratingKeypadDefaultsFollowAThreeChoiceSurvey() throws {
        let threeChoices = Array(OfficeTOML.fourChoices.prefix(3))
        let text = OfficeTOML.withSurvey([("chung", threeChoices)])
            .replacingFirst("  { choice = 4, x = 600, y = 0, width = 200, height = 600 },\n", with: "")
        let config = try decodeValid(text)
        let keypad = try #require(config.devices.first { $0.role == .ratingKeypad(terminal: "ban-phim") })
        #expect(keypad.keys == [79: .choice(1), 80: .choice(2), 81: .choice(3)])
    }

    @Test func staffKeypadWithoutKeysArmsWithKeypadEnter() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        let staff = try #require(config.devices.first { $0.role == .staffKeypad(counter: "quay-2") })
        #expect(staff.keys == [try keyCode("KEY_KPENTER"): .staff(.arm)])
    }

    @Test func touchscreenWithoutMappingKeysIsGrabbedWithTheIdentityMapping() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        let touch = try #require(config.devices.first)
        #expect(touch.role == .ratingTouchscreen(terminal: "man-hinh"))
        #expect(touch.grab == true)
        #expect(touch.mapping == .identity)
        #expect(touch.keys == [:])
        #expect(touch.acceptsIndirect == false)
    }

    @Test func touchscreenMappingKeysAreRead() throws {
        let text = OfficeTOML.minimal.replacingFirst(
            "terminal = \"man-hinh\"\n",
            with: "terminal = \"man-hinh\"\ngrab = false\nrotation = 270\ncalibration = [0, 1, 0, 1, 0, 0.5]\naccept_indirect = true\n")
        let touch = try #require(try decodeValid(text).devices.first)
        #expect(touch.grab == false)
        #expect(touch.acceptsIndirect == true)
        #expect(touch.mapping == TouchMapping(calibration: [0, 1, 0, 1, 0, 0.5], rotation: .clockwise270))
    }

    @Test func explicitKeysReplaceTheDefaults() throws {
        let text = OfficeTOML.minimal
            .replacingFirst(
                "terminal = \"ban-phim\"\n",
                with: "terminal = \"ban-phim\"\nkeys = { KEY_1 = 1, KEY_2 = 2, KEY_3 = 3, KEY_4 = 4 }\n")
            .replacingFirst("role = \"staff_keypad\"\n", with: "role = \"staff_keypad\"\nkeys = { KEY_ENTER = \"arm\" }\n")
        let config = try decodeValid(text)
        #expect(config.devices[1].keys == [2: .choice(1), 3: .choice(2), 4: .choice(3), 5: .choice(4)])
        #expect(config.devices[2].keys == [28: .staff(.arm)])
    }

    @Test func writtenOutQuestionsAreDecodedInOrder() throws {
        let config = try decodeValid(
            OfficeTOML.withSurvey([("tiep-can", OfficeTOML.fourChoices), ("ket-qua", OfficeTOML.fourChoices)]))
        #expect(config.survey.questions.map(\.id) == ["tiep-can", "ket-qua"])
        let first = try #require(config.survey.questions.first)
        #expect(first.text == "Câu hỏi tiep-can?")
        #expect(first.textEnglish == "")
        #expect(first.choices.first == Choice(id: "rat-hai-long", label: "Nhãn rat-hai-long", labelEnglish: "", score: 100, satisfied: true))
        #expect(first.choices.map(\.score) == [100, 75, 50, 0])
        #expect(first.choices.map(\.satisfied) == [true, true, false, false])
    }
}
