import KioskConfigFile
import KioskCore
import Testing

/// Every problem is reported in one pass, so one edit of the file can fix them all.
@Suite struct AllIssuesReportedTogetherTests {
    /// A missing key, a wrong type and a bad rotation, in three different tables.
    static let threeReadingMistakes = OfficeTOML.minimal
        .replacingFirst("code = \"TEST-01\"\n", with: "")
        .replacingFirst("lockout_seconds = 30", with: "lockout_seconds = \"30\"")
        .replacingFirst("terminal = \"man-hinh\"\n", with: "terminal = \"man-hinh\"\nrotation = 45\n")

    @Test func threeUnrelatedReadingMistakesGiveThreeIssues() {
        let issues = configIssues(Self.threeReadingMistakes)
        #expect(issues.map(\.key) == ["office.code", "terminals[0].lockout_seconds", "devices[0].rotation"])
        #expect(issues.map(\.file) == Array(repeating: OfficeTOML.fileName, count: 3))
        #expect(issues.count == 3)
        #expect(issues[0].message == "missing; this key is required")
        #expect(issues[1].message == "expected a number, found a string")
        #expect(issues[2].message == "expected 0, 90, 180 or 270 (degrees clockwise), found 45")
    }

    @Test func threeUnrelatedCrossCheckMistakesGiveThreeIssues() {
        let text = OfficeTOML.minimal
            .replacingFirst("number = 2", with: "number = 1")
            .replacingFirst("services = [\"ho-tich\"]", with: "services = [\"xay-dung\"]")
            .replacingFirst("terminal = \"ban-phim\"", with: "terminal = \"ban-phm\"")
        let issues = configIssues(text)
        #expect(issues.map(\.key) == ["counters[1].number", "counters[0].services[0]", "devices[1].terminal"])
    }

    @Test func errorDescriptionListsEveryIssueWithFileAndKey() {
        guard case .failure(let errors) = OfficeConfigFile.parse(Self.threeReadingMistakes, file: "/etc/kiosk/office.toml") else {
            Issue.record("expected the file to be rejected")
            return
        }
        #expect(errors.description == """
            /etc/kiosk/office.toml: office.code: missing; this key is required
            /etc/kiosk/office.toml: terminals[0].lockout_seconds: expected a number, found a string
            /etc/kiosk/office.toml: devices[0].rotation: expected 0, 90, 180 or 270 (degrees clockwise), found 45
            """)
    }
}
