import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// Files that are not TOML, or cannot be read: one issue for the whole file.
@Suite struct SyntaxAndFileErrorTests {
    @Test func tomlSyntaxErrorReportsLineAndColumn() {
        let text = """
            [office]
            code = "TEST-01"
            name = = "Bộ phận Một cửa"
            """
        let issues = configIssues(text)
        #expect(issues.count == 1)
        let issue = issues.first
        #expect(issue?.file == OfficeTOML.fileName)
        #expect(issue?.key == "")
        #expect(issue?.message.hasPrefix("line 3, column 8: invalid TOML: ") == true, "\(String(describing: issue))")
    }

    @Test func syntaxErrorDeepInTheMinimalOfficeReportsItsLine() throws {
        let text = OfficeTOML.minimal.replacingFirst("number = 2", with: "number = 2 2")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("number = 2 2") }) + 1
        let issues = configIssues(text)
        #expect(issues.count == 1)
        #expect(issues.first?.key == "")
        #expect(issues.first?.message.hasPrefix("line \(line), column ") == true, "\(issues)")
    }

    /// The reason is the system's (strerror) wording, as `OfficeConfigFile` means to give it.
    @Test func missingFileIsReportedWithItsPathAndReason() {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiosk-no-such-office-\(UUID().uuidString).toml").path
        guard case .failure(let errors) = OfficeConfigFile.load(path: path) else {
            Issue.record("expected a missing file to be rejected")
            return
        }
        #expect(errors.issues.count == 1)
        #expect(errors.issues.first?.file == path)
        #expect(errors.issues.first?.key == "")
        #expect(errors.issues.first?.message == "cannot read the file: No such file or directory")
    }

    @Test func directoryInsteadOfAFileIsReportedWithItsReason() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-office-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .failure(let errors) = OfficeConfigFile.load(path: directory.path) else {
            Issue.record("expected a directory to be rejected")
            return
        }
        #expect(errors.issues.count == 1)
        #expect(errors.issues.first?.file == directory.path)
        #expect(errors.issues.first?.key == "")
        #expect(errors.issues.first?.message == "cannot read the file: Is a directory")
    }

    @Test func loadedFileIssuesNameThePathTheyWereLoadedFrom() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-office-\(UUID().uuidString).toml")
        try OfficeTOML.minimal.replacingFirst("rating_touchscreen", with: "touchscreen").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        guard case .failure(let errors) = OfficeConfigFile.load(path: file.path) else {
            Issue.record("expected the file to be rejected")
            return
        }
        #expect(errors.issues.map(\.file) == [file.path])
        #expect(errors.issues.map(\.key) == ["devices[0].role"])
    }

    @Test func validFileLoadsFromDisk() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-office-\(UUID().uuidString).toml")
        try OfficeTOML.minimal.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let config = try OfficeConfigFile.load(path: file.path).get()
        #expect(config.office.code == "TEST-01")
        #expect(config.terminals.map(\.id) == ["man-hinh", "ban-phim"])
    }
}
