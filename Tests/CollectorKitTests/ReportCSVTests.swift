import CollectorKit
import Testing

@Suite struct ReportCSVTests {
    @Test func fieldsWithCommasQuotesAndFormulasAreSafeInExcel() {
        let csv = ReportCSV.satisfaction([
            SatisfactionRow(key: "A", label: "Phường \"Mới\", Quận 1", answers: 4, satisfied: 3, scoreSum: 300),
            SatisfactionRow(key: "B", label: "=HYPERLINK(\"x\")", answers: 0, satisfied: 0, scoreSum: 0),
        ])
        #expect(csv.hasPrefix("\u{FEFF}Đơn vị / Unit,"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[1] == "\"Phường \"\"Mới\"\", Quận 1\",A,4,3,75.0,75.0")
        #expect(lines[2] == "\"'=HYPERLINK(\"\"x\"\")\",B,0,0,,")
        #expect(lines.last == "")
    }
}
