import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

/// kioskd on a small disk (a 4 MiB tmpfs as its state directory): the WAL stays small, staff are
/// warned before the disk is full and told when votes cannot be stored, and counting resumes by
/// itself when there is room again, also across a restart on the full disk.
@Suite struct StorageFullTests {
    static let diskBytes = 4 << 20
    let kp1 = KeyCodes.code(named: "KEY_KP1")!

    func storage(_ daemon: KioskdProcess) throws -> StatusReport.Storage {
        try ProtocolJSON.decode(StatusReport.self, from: try daemon.kioskctl(["status", "--json"])).storage
    }

    @Test func theWALStaysSmallAndIsEmptiedAtStart() throws {
        let rig = try DaemonRig("storage-wal") { TestOffice.freeKeypad($0) }
        let disk = try SmallDisk(at: rig.stateDirectory, bytes: Self.diskBytes)
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        var daemon = try rig.start()
        try rig.events!.await(.deviceConnected)
        // 300 commits: with SQLite's default checkpoint (1000 pages) the WAL would pass 1 MiB.
        // In tens: fake-evdev's queue, like the kernel's, holds a few hundred events.
        for batch in 1...30 {
            for _ in 0..<10 { try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp1)) }
            try rig.events!.await(.voteCounted, count: batch * 10)
        }
        let wal = try storage(daemon).walBytes
        #expect(wal <= 700 * 1024, "WAL \(wal) bytes after 300 votes")
        #expect(try rig.voteCount() == 300)

        daemon.signal(SIGKILL)
        try daemon.awaitExit()
        daemon = try rig.start()
        let walPath = rig.stateDirectory.appendingPathComponent("kiosk.sqlite-wal").path
        try awaitCondition("the WAL to be emptied at start") {
            ((try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? NSNumber)?.intValue ?? 0) == 0
        }
        #expect(try rig.voteCount() == 300)
        _ = disk
    }

    @Test func aFullDiskIsToldAndCountingResumesByItselfWhenThereIsRoom() throws {
        let rig = try DaemonRig("storage-full") { TestOffice.freeKeypad($0) }
        let disk = try SmallDisk(at: rig.stateDirectory, bytes: Self.diskBytes)
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        let daemon = try rig.start()
        try rig.events!.await(.deviceConnected)
        try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp1))
        try rig.events!.await(.voteCounted)
        #expect(try storage(daemon).state == .ok)

        // Nearly full: a warning before anything is lost.
        try disk.fill(leaving: 200 * 1024)
        let low = try storage(daemon)
        #expect(low.state == .lowSpace)
        #expect(low.message?.hasPrefix("Đĩa sắp đầy") == true)

        // Full: presses are not counted, and everyone is told so.
        try disk.fill()
        for _ in 0..<3 { try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp1)) }
        try rig.events!.await(.storageFault)
        let fault = try #require(rig.events!.first(.storageFault))
        #expect(fault.message?.hasPrefix("Không ghi được vào đĩa (database or disk is full)") == true)
        let full = try storage(daemon)
        #expect(full.state == .cannotStore)
        #expect(try daemon.kioskctl(["status"]).contains("⚠ Không ghi được vào đĩa"))
        try daemon.stderr.await("NOT COUNTED") { $0.contains("NOT COUNTED") }
        #expect(rig.events!.count(of: .storageFault) == 1, "told once, not per press")

        // Room again: the next press counts, without a restart.
        try disk.makeRoom()
        try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp1))
        try rig.events!.await(.voteCounted, count: 2)
        try rig.events!.await(.storageReady)
        #expect(try storage(daemon).state == .ok)
        #expect(try rig.voteCount() == 2)

        // Started on a disk too full to open the store: it says so and waits, and counts once
        // there is room, without anyone restarting it.
        daemon.signal(SIGTERM)
        #expect(try daemon.awaitExit() == 0)
        try disk.fill()
        let waiting = try KioskdProcess(config: rig.configPath, stateDirectory: rig.stateDirectory)
        try waiting.stderr.await("the full disk to be told") { $0.contains("Không ghi được vào đĩa") && $0.contains("kioskd chờ có chỗ trống") }
        try disk.makeRoom()
        try waiting.awaitReady()
        let events = try EventStream(socketPath: waiting.controlSocket)
        // The stream opens with the devices connected by then; a tap before the keypad is open
        // would reach no reader, as on a real device node.
        try events.await(.deviceConnected)
        try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp1))
        try events.await(.voteCounted)
        #expect(try rig.voteCount() == 3)
    }
}
