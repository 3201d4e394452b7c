import KioskConfigFile
import KioskCore
import Testing

/// Mistakes in `[[devices]]`: roles, paths, touch mapping and key bindings.
@Suite struct DeviceConfigErrorTests {
    static let touchscreenTerminal = "terminal = \"man-hinh\"\n"
    static let keypadTerminal = "terminal = \"ban-phim\"\n"
    static let staffRole = "role = \"staff_keypad\"\n"

    @Test func unknownDeviceRoleNamesTheKnownOnes() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("role = \"rating_touchscreen\"", with: "role = \"touchscreen\""),
            key: "devices[0].role", messageContains: "expected one of: rating_touchscreen, rating_keypad, staff_keypad, ticket_touchscreen, ticket_keypad; found \"touchscreen\"")
    }

    @Test func relativeDevicePathIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("path = \"/dev/input/touch\"", with: "path = \"dev/input/touch\""),
            key: "devices[0].path", messageContains: "expected an absolute path such as /dev/input/by-id/*-event-kbd, found \"dev/input/touch\"")
    }

    @Test func rotationOfFortyFiveDegreesIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.touchscreenTerminal, with: Self.touchscreenTerminal + "rotation = 45\n"),
            key: "devices[0].rotation", messageContains: "expected 0, 90, 180 or 270 (degrees clockwise), found 45")
    }

    @Test func acceptIndirectOnAKeypadIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.keypadTerminal, with: Self.keypadTerminal + "accept_indirect = true\n"),
            key: "devices[1].accept_indirect", messageContains: "only applies to touchscreens")
    }

    @Test func acceptIndirectThatIsNotABooleanIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.touchscreenTerminal, with: Self.touchscreenTerminal + "accept_indirect = \"yes\"\n"),
            key: "devices[0].accept_indirect", messageContains: "expected true or false")
    }

    @Test func calibrationWithFiveNumbersIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.touchscreenTerminal, with: Self.touchscreenTerminal + "calibration = [1, 0, 0, 0, 1]\n"),
            key: "devices[0].calibration", messageContains: "expected 6 numbers [a, b, c, d, e, f], found 5")
    }

    @Test func calibrationWithAStringIsRejectedAtItsIndex() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(
                Self.touchscreenTerminal, with: Self.touchscreenTerminal + "calibration = [1, 0, \"0\", 0, 1, 0]\n"),
            key: "devices[0].calibration[2]", messageContains: "expected a number, found a string")
    }

    @Test func unknownKeyNameIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.keypadTerminal, with: Self.keypadTerminal + "keys = { KEY_KP1 = 1, KEY_FOO = 2 }\n"),
            key: "devices[1].keys.KEY_FOO", messageContains: "expected a Linux key name such as KEY_KP1 or KEY_KPENTER, found \"KEY_FOO\"")
    }

    @Test func bindingNumLockIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.staffRole, with: Self.staffRole + "keys = { KEY_NUMLOCK = \"arm\" }\n"),
            key: "devices[2].keys.KEY_NUMLOCK", messageContains: "KEY_NUMLOCK cannot be bound")
    }

    @Test func ratingKeyBoundToAChoiceTheSurveyDoesNotHaveIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.keypadTerminal, with: Self.keypadTerminal + "keys = { KEY_KP1 = 1, KEY_KP5 = 5 }\n"),
            key: "devices[1].keys.KEY_KP5", messageContains: "expected a choice from 1 to 4 (the survey's choices), found 5")
    }

    @Test func ratingKeyBoundToAStringIsAWrongType() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.keypadTerminal, with: Self.keypadTerminal + "keys = { KEY_KP1 = \"1\" }\n"),
            key: "devices[1].keys.KEY_KP1", messageContains: "expected an integer, found a string")
    }

    @Test func unknownStaffActionNamesTheKnownOne() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.staffRole, with: Self.staffRole + "keys = { KEY_KPENTER = \"disarm\" }\n"),
            key: "devices[2].keys.KEY_KPENTER",
            messageContains: "expected one of: arm, call_next, recall, no_show, start, done, pause, resume, transfer:SERVICE, transfer_to_counter:COUNTER; found \"disarm\"")
    }

    @Test func aTransferToAnUnknownServiceOrCounterIsNamed() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.staffRole, with: Self.staffRole + "keys = { KEY_KPENTER = \"arm\", KEY_KP9 = \"transfer:khong-co\" }\n"),
            key: "devices[2].keys.KEY_KP9", messageContains: "unknown service \"khong-co\" to transfer to")
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.staffRole, with: Self.staffRole + "keys = { KEY_KPENTER = \"arm\", KEY_KP8 = \"transfer_to_counter:quay-9\" }\n"),
            key: "devices[2].keys.KEY_KP8", messageContains: "unknown counter \"quay-9\" to transfer to")
    }

    @Test func keysOnATouchscreenAreRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.touchscreenTerminal, with: Self.touchscreenTerminal + "keys = { KEY_KP1 = 1 }\n"),
            key: "devices[0].keys", messageContains: "only applies to keypads")
    }

    @Test func rotationOnAKeypadIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.keypadTerminal, with: Self.keypadTerminal + "rotation = 90\n"),
            key: "devices[1].rotation", messageContains: "only applies to touchscreens (rating_touchscreen, ticket_touchscreen)")
    }

    @Test func ratingKeypadNamingACounterIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.keypadTerminal, with: Self.keypadTerminal + "counter = \"quay-2\"\n"),
            key: "devices[1].counter", messageContains: "a rating_keypad belongs to a terminal; use terminal = ")
    }

    @Test func staffKeypadNamingATerminalIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.staffRole, with: Self.staffRole + "terminal = \"ban-phim\"\n"),
            key: "devices[2].terminal", messageContains: "a staff_keypad belongs to a counter; use counter = ")
    }

    /// The device's role is rating_touchscreen, so its rotation must not be reported as only applying to that role.
    @Test func touchscreenWithoutTerminalReportsOnlyTheMissingTerminal() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.touchscreenTerminal, with: "rotation = 90\n"),
            key: "devices[0].terminal", messageContains: "missing; this key is required")
    }

    @Test func ratingDeviceWithoutTerminalIsMissingARequiredKey() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst(Self.keypadTerminal, with: ""),
            key: "devices[1].terminal", messageContains: "missing; this key is required")
    }
}
