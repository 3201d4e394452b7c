import Foundation
import GRDB
import KioskCore
import KioskStore
import Testing

/// `kioskctl tally` reads the store while kioskd writes it.
@Suite struct ReadOnlyStoreTests {
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("kiosk.sqlite")
    }

    @Test func readerSeesWhatTheOpenWriterCommitted() throws {
        let writer = try KioskDatabase(path: path)
        try writer.record(vote: voteKey())
        try writer.record(vote: voteKey())
        try writer.record(rejected: .tooShort, terminal: "quay-1-danh-gia", day: Days.first)
        // The writer is still open: the commits are in the WAL, not yet in the main file.
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))

        let reader = try KioskDatabase(readOnlyPath: path)
        #expect(try reader.voteTallies(on: Days.first) == [VoteTally(key: voteKey(), count: 2)])
        #expect(
            try reader.pressTallies(on: Days.first)
                == [PressTally(day: Days.first, terminal: "quay-1-danh-gia", kind: .tooShort, count: 1)])

        // Later commits are seen by the same reader, at its next read.
        try writer.record(vote: voteKey())
        try writer.record(vote: voteKey(day: Days.second))
        #expect(try reader.voteTallies(on: Days.first) == [VoteTally(key: voteKey(), count: 3)])
        #expect(try reader.days() == [Days.first, Days.second])
        withExtendedLifetime(writer) {}
    }

    @Test func readerCannotWrite() throws {
        let writer = try KioskDatabase(path: path)
        try writer.record(vote: voteKey())
        let reader = try KioskDatabase(readOnlyPath: path)

        let voteError = #expect(throws: DatabaseError.self) { try reader.record(vote: voteKey()) }
        #expect(voteError?.resultCode == .SQLITE_READONLY)
        let pressError = #expect(throws: DatabaseError.self) {
            try reader.record(rejected: .tooLong, terminal: "quay-1-danh-gia", day: Days.first)
        }
        #expect(pressError?.resultCode == .SQLITE_READONLY)

        #expect(try writer.voteTallies(on: Days.first) == [VoteTally(key: voteKey(), count: 1)])
        #expect(try writer.pressTallies(on: Days.first) == [])
    }

    @Test func readerOpensAStoreWhoseWriterHasStopped() throws {
        do {
            let writer = try KioskDatabase(path: path)
            for _ in 0..<4 { try writer.record(vote: voteKey()) }
        }
        let reader = try KioskDatabase(readOnlyPath: path)
        #expect(try reader.voteTallies(on: Days.first) == [VoteTally(key: voteKey(), count: 4)])
    }

    @Test func readerDoesNotCreateAMissingStore() throws {
        #expect(throws: DatabaseError.self) { try KioskDatabase(readOnlyPath: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
