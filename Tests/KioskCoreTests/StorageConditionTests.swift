import KioskCore
import Testing

@Suite struct StorageConditionTests {
    @Test func aFailedCommitIsCannotStoreWhateverTheFreeSpace() {
        #expect(StorageCondition.assess(freeBytes: 10 << 30, totalBytes: 16 << 30, failure: "database or disk is full")
            == .cannotStore(reason: "database or disk is full"))
    }

    @Test(arguments: [
        (free: UInt64(63 << 20), total: UInt64(16 << 30), expected: "low-space"),
        (free: UInt64(64 << 20), total: UInt64(16 << 30), expected: "ok"),
        // A small filesystem (a 4 MiB tmpfs): a tenth of it.
        (free: UInt64(400_000), total: UInt64(4 << 20), expected: "low-space"),
        (free: UInt64(500_000), total: UInt64(4 << 20), expected: "ok"),
        (free: UInt64(0), total: UInt64(4 << 20), expected: "low-space"),
    ])
    func freeSpaceUnderTheThresholdIsLow(free: UInt64, total: UInt64, expected: String) {
        #expect(StorageCondition.assess(freeBytes: free, totalBytes: total, failure: nil).code == expected)
    }
}
