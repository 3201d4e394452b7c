import KioskConfigFile
import KioskCore
import Testing

/// Mistakes in `[[terminals]]`: zones, press limits, policies.
@Suite struct TerminalConfigErrorTests {
    static let secondZone = "{ choice = 2, x = 200, y = 0, width = 200, height = 600 }"
    static let fourthZoneLine = "  { choice = 4, x = 600, y = 0, width = 200, height = 600 },\n"

    @Test func overlappingZonesAreRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.secondZone, with: "{ choice = 2, x = 150, y = 0, width = 200, height = 600 }"),
            key: "terminals[0].zones[1]", messageContains: "overlaps terminals[0].zones[0]; a touch must select one choice only")
    }

    @Test func zonePastTheRightEdgeOfTheScreenIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.fourthZoneLine, with: "  { choice = 4, x = 600, y = 0, width = 201, height = 600 },\n"),
            key: "terminals[0].zones[3]", messageContains: "expected the zone inside the 800×600 screen, found x 600.0…801.0")
    }

    @Test func zoneAboveTheTopOfTheScreenIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.secondZone, with: "{ choice = 2, x = 200, y = -10, width = 200, height = 600 }"),
            key: "terminals[0].zones[1]", messageContains: "expected the zone inside the 800×600 screen")
    }

    @Test func zoneWithZeroWidthIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.secondZone, with: "{ choice = 2, x = 200, y = 0, width = 0, height = 600 }"),
            key: "terminals[0].zones[1].width", messageContains: "expected a positive number, found 0.0")
    }

    @Test func touchscreenTerminalMissingAZoneForAChoiceIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.fourthZoneLine, with: ""),
            key: "terminals[0].zones", messageContains: "expected a zone for every choice 1…4 (it has a touchscreen); missing 4")
    }

    @Test func touchscreenTerminalWithoutScreenIsRejected() {
        let issues = configIssues(OfficeTOML.minimal.replacingFirst("screen = { width = 800, height = 600 }\n", with: ""))
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.key == "terminals[0].screen" }, "\(issues)")
        #expect(issues.contains { $0.message == "missing; a terminal with a touchscreen needs the screen's width and height" })
    }

    @Test func minimumPressEqualToMaximumIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("lockout_seconds = 30\n", with: "lockout_seconds = 30\nmin_press_ms = 500\nmax_press_ms = 500\n"),
            key: "terminals[0].min_press_ms", messageContains: "expected less than max_press_ms (500.0), found 500.0")
    }

    @Test func minimumPressAboveTheDefaultMaximumIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("lockout_seconds = 30\n", with: "lockout_seconds = 30\nmin_press_ms = 3500\n"),
            key: "terminals[0].min_press_ms", messageContains: "expected less than max_press_ms (3000.0), found 3500.0")
    }

    @Test func lockoutLongerThanAnHourIsOutOfRange() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("lockout_seconds = 30", with: "lockout_seconds = 3601"),
            key: "terminals[0].lockout_seconds", messageContains: "expected a number from 0.0 to 3600.0, found 3601.0")
    }

    @Test func unknownPolicyNamesTheKnownOnes() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("policy = \"free\"", with: "policy = \"open\""),
            key: "terminals[0].policy", messageContains: "expected one of: free, armed; found \"open\"")
    }

    @Test func unknownTerminalKindNamesTheKnownOne() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("kind = \"rating\"", with: "kind = \"display\""),
            key: "terminals[0].kind", messageContains: "expected one of: rating, ticket; found \"display\"")
    }

    @Test func lockoutOnAnArmedTerminalIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("arm_window_seconds = 120\n", with: "arm_window_seconds = 120\nlockout_seconds = 10\n"),
            key: "terminals[1].lockout_seconds", messageContains: "only applies to policy = \"free\"")
    }

    @Test func armWindowOnAFreeTerminalIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("lockout_seconds = 30\n", with: "lockout_seconds = 30\narm_window_seconds = 60\n"),
            key: "terminals[0].arm_window_seconds", messageContains: "only applies to policy = \"armed\"")
    }

    @Test func armedTerminalWithoutAStaffKeypadIsRejected() {
        let staffDevice = "\n[[devices]]\npath = \"/dev/input/staff-keypad\"\nrole = \"staff_keypad\"\ncounter = \"quay-2\"\n"
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(staffDevice, with: ""),
            key: "terminals[1].policy",
            messageContains: "policy \"armed\" needs a staff_keypad device for counter \"quay-2\" with an \"arm\" or \"done\" key")
    }

    @Test func armedTerminalWhoseStaffKeypadServesAnotherCounterIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("role = \"staff_keypad\"\ncounter = \"quay-2\"", with: "role = \"staff_keypad\"\ncounter = \"quay-1\""),
            key: "terminals[1].policy", messageContains: "needs a staff_keypad device for counter \"quay-2\"")
    }

    @Test func aDoneKeyArmsTheRatingToo() throws {
        let config = try decodeValid(
            OfficeTOML.minimal.replacingFirst("role = \"staff_keypad\"\n", with: "role = \"staff_keypad\"\nkeys = { KEY_KP1 = \"call_next\", KEY_KP5 = \"done\" }\n"))
        #expect(config.devices[2].keys[KeyCodes.code(named: "KEY_KP5")!] == .staff(.queue(.done)))
        #expect(config.devices[2].keys[KeyCodes.code(named: "KEY_KP1")!] == .staff(.queue(.callNext)))
    }

    @Test func armedTerminalWhoseStaffKeypadHasNoArmKeyIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("role = \"staff_keypad\"\n", with: "role = \"staff_keypad\"\nkeys = {}\n"),
            key: "terminals[1].policy", messageContains: "with an \"arm\" or \"done\" key; without one no rating is ever accepted")
    }

    @Test func adjacentZonesSharingAnEdgeDoNotOverlap() {
        // The minimal office's zones touch at x = 200, 400, 600 and fill the screen to its right edge.
        #expect(configIssues(OfficeTOML.minimal) == [])
    }
}
