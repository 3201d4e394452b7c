import CollectorCore
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

    /// A tab, carriage return or line feed before the `=` still makes a formula in a spreadsheet;
    /// and "\r\n", one Character in Swift, still needs quoting.
    @Test(arguments: ["\r=1+1", "\t=1+1", "\n=1+1", "\r\n=1+1", "+1", "-1", "@SUM(A1)", "=1"])
    func aCellThatAFormulaCouldStartWithIsNeutralised(_ label: String) {
        let csv = ReportCSV.satisfaction([SatisfactionRow(key: "K", label: label, answers: 0, satisfied: 0, scoreSum: 0)])
        let row = csv.dropFirst().components(separatedBy: "\r\n").dropFirst().joined(separator: "\r\n")
        let quoted = label.unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
        #expect(row.hasPrefix(quoted ? "\"'" + label : "'" + label), "\(row.debugDescription)")
    }
}
