import Foundation
import GRDB
import KioskCore
import KioskStore
import Testing

/// An acknowledged vote must survive a power cut: WAL with synchronous = FULL (2), not the
/// NORMAL (1) that GRDB sets when it enables WAL.
@Suite struct DurabilitySettingsTests {
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("kiosk.sqlite")
    }

    @Test func newStoreRunsInWALWithSynchronousFull() throws {
        let store = try KioskDatabase(path: path)
        #expect(try store.journalMode() == "wal")
        #expect(try store.synchronousLevel() == 2)
        // Still FULL after a write transaction (the setting is per connection, not per transaction).
        try store.record(vote: voteKey())
        #expect(try store.synchronousLevel() == 2)
        #expect(store.path == path)
    }

    @Test func reopenedStoreRunsInWALWithSynchronousFull() throws {
        do {
            let store = try KioskDatabase(path: path)
            try store.record(vote: voteKey())
        }
        let reopened = try KioskDatabase(path: path)
        #expect(try reopened.journalMode() == "wal")
        #expect(try reopened.synchronousLevel() == 2)
        #expect(try count(of: voteKey(), in: reopened.voteTallies(on: Days.first)) == 1)
    }

    @Test func walModeIsRecordedInTheFileItself() throws {
        do {
            let store = try KioskDatabase(path: path)
            try store.record(vote: voteKey())
        }
        // A connection that sets nothing sees WAL: the mode is persistent in the database header.
        let mode = try inspect(path) { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let header = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 20)
        // Bytes 18 and 19 of the header: file format write/read version, 2 = WAL.
        #expect(Array(header.suffix(2)) == [2, 2])
    }
}
