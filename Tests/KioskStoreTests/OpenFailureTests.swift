import Foundation
import GRDB
import KioskCore
import KioskStore
import Testing

@Suite struct OpenFailureTests {
    @Test func aPathInAMissingDirectoryThrowsAndCreatesNothing() throws {
        let scratch = try ScratchDirectory()
        let missing = scratch.path("missing")
        let error = #expect(throws: DatabaseError.self) {
            try KioskDatabase(path: missing + "/kiosk.sqlite")
        }
        #expect(error?.resultCode == .SQLITE_CANTOPEN)
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(try scratch.contents() == [])
    }

    @Test func aFileThatIsNotADatabaseThrows() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("kiosk.sqlite")
        try Data("not a database, just text that is long enough to have a header\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: DatabaseError.self) { try KioskDatabase(path: path) }
        #expect(error?.resultCode == .SQLITE_NOTADB)
    }
}
