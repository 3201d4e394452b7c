import KioskConfigFile
import KioskCore
import Testing

/// Cross-checks: ids and numbers are unique, and every reference names something that exists.
@Suite struct ReferenceAndUniquenessErrorTests {
    @Test func duplicateTerminalIdIsRejected() {
        let extraTerminal = """
            [[terminals]]
            id = "ban-phim"
            kind = "rating"
            counter = "quay-2"
            policy = "free"

            [[devices]]
            """
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("[[devices]]", with: extraTerminal),
            key: "terminals[2].id", messageContains: "duplicate id \"ban-phim\"; already used by terminals[1]")
    }

    @Test func duplicateCounterNumberIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("number = 2", with: "number = 1"),
            key: "counters[1].number", messageContains: "duplicate number \"1\"; already used by counters[0]")
    }

    @Test func duplicateServiceLetterIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("letter = \"B\"", with: "letter = \"A\""),
            key: "services[1].letter", messageContains: "duplicate letter \"A\"; already used by services[0]")
    }

    @Test func duplicateDevicePathIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("path = \"/dev/input/staff-keypad\"", with: "path = \"/dev/input/rating-keypad\""),
            key: "devices[2].path", messageContains: "duplicate path \"/dev/input/rating-keypad\"; already used by devices[1]")
    }

    @Test func deviceReferencingAnUnknownTerminalIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("terminal = \"ban-phim\"", with: "terminal = \"ban-phm\""),
            key: "devices[1].terminal", messageContains: "unknown rating terminal \"ban-phm\"; expected one of: man-hinh, ban-phim")
    }

    @Test func terminalReferencingAnUnknownCounterIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("counter = \"quay-1\"", with: "counter = \"quay-9\""),
            key: "terminals[0].counter", messageContains: "unknown counter \"quay-9\"; expected one of: quay-1, quay-2")
    }

    @Test func counterReferencingAnUnknownServiceIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("services = [\"ho-tich\"]", with: "services = [\"ho-tich\", \"xay-dung\"]"),
            key: "counters[0].services[1]", messageContains: "unknown service \"xay-dung\"; expected one of: ho-tich, dat-dai")
    }

    @Test func staffKeypadForAnUnknownCounterIsRejectedAndLeavesTheArmedTerminalUnarmable() {
        let issues = configIssues(
            OfficeTOML.minimal.replacingFirst("role = \"staff_keypad\"\ncounter = \"quay-2\"", with: "role = \"staff_keypad\"\ncounter = \"quay-9\""))
        #expect(issues.map(\.key) == ["terminals[1].policy", "devices[2].counter"])
        #expect(issues.last?.message.contains("unknown counter \"quay-9\"; expected one of: quay-1, quay-2") == true)
    }
}
