import KioskConfigFile
import KioskCore
import Testing

/// Missing, mistyped, misspelt and malformed keys: each reported at its own key path.
@Suite struct KeyAndTypeErrorTests {
    @Test func missingOfficeCodeIsReportedAsRequired() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("code = \"TEST-01\"\n", with: ""),
            key: "office.code", messageContains: "missing; this key is required")
    }

    @Test func missingOfficeTableIsReportedAsRequired() {
        let text = OfficeTOML.minimal.replacingFirst(
            "[office]\ncode = \"TEST-01\"\nname = \"Bộ phận Một cửa thử nghiệm\"\ntime_zone = \"Asia/Ho_Chi_Minh\"\n", with: "")
        expectSingleIssue(text, key: "office", messageContains: "missing; this key is required")
    }

    @Test func lockoutSecondsGivenAsAStringIsAWrongType() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("lockout_seconds = 30", with: "lockout_seconds = \"30\""),
            key: "terminals[0].lockout_seconds", messageContains: "expected a number, found a string")
    }

    @Test func counterNumberGivenAsAStringIsAWrongType() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("number = 2", with: "number = \"2\""),
            key: "counters[1].number", messageContains: "expected an integer, found a string")
    }

    @Test func officeCodeGivenAsADateNamesTheDateType() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("code = \"TEST-01\"", with: "code = 2026-01-01"),
            key: "office.code", messageContains: "expected a string, found a date")
    }

    @Test func grabGivenAsAStringIsAWrongType() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("terminal = \"man-hinh\"\n", with: "terminal = \"man-hinh\"\ngrab = \"yes\"\n"),
            key: "devices[0].grab", messageContains: "expected true or false, found a string")
    }

    @Test func blankOfficeNameIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("name = \"Bộ phận Một cửa thử nghiệm\"", with: "name = \"   \""),
            key: "office.name", messageContains: "expected a non-empty string")
    }

    @Test func misspeltTerminalKeyIsReportedAsUnknown() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("lockout_seconds = 30", with: "lockout_secnds = 30"),
            key: "terminals[0].lockout_secnds", messageContains: "unknown key; expected one of: id, kind, counter, policy, lockout_seconds")
    }

    @Test func misspeltStorageKeyIsReportedAsUnknown() {
        expectSingleIssue(
            OfficeTOML.minimal + "\n[storage]\ndatabse = \"votes.sqlite\"\n",
            key: "storage.databse", messageContains: "unknown key; expected one of: database, control_socket")
    }

    @Test func unknownTopLevelTableIsReportedAsUnknown() {
        expectSingleIssue(
            OfficeTOML.minimal + "\n[display]\nbrightness = 5\n",
            key: "display", messageContains: "unknown key; expected one of: office, storage, hours, calendar, ticketing, slips, http, sync, voice, printers, services, counters, survey, terminals, devices")
    }

    @Test func unknownTimeZoneIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("Asia/Ho_Chi_Minh", with: "Asia/Ho_Chi_Minh_City"),
            key: "office.time_zone",
            messageContains: "expected an IANA time zone such as Asia/Ho_Chi_Minh, found \"Asia/Ho_Chi_Minh_City\"")
    }

    @Test func officeCodeWithASpaceIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("code = \"TEST-01\"", with: "code = \"TEST 01\""),
            key: "office.code", messageContains: "expected ASCII letters, digits, '-' or '_', found \"TEST 01\"")
    }

    @Test func officeCodeWithVietnameseLettersIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("code = \"TEST-01\"", with: "code = \"HÀ-NỘI\""),
            key: "office.code", messageContains: "expected ASCII letters, digits, '-' or '_'")
    }

    @Test func lowercaseServiceLetterIsRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("letter = \"A\"", with: "letter = \"a\""),
            key: "services[0].letter", messageContains: "expected one capital letter A–Z, found \"a\"")
    }

    @Test func counterNumberAboveNineHundredNinetyNineIsOutOfRange() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("number = 2", with: "number = 1000"),
            key: "counters[1].number", messageContains: "expected an integer from 1 to 999, found 1000")
    }
}
