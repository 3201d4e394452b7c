import Foundation
import Glibc
import KioskCore
import KioskTestSupport
import Synchronization
import Testing

/// kill -9 while votes stream in: after restart every acknowledged vote is counted, once.
@Suite struct CrashSafetyTests {
    @Test func killNineWhileVotesStreamInLosesNoAcknowledgedVote() throws {
        let rig = try DaemonRig("crash") { TestOffice.freeKeypad($0) }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        try rig.start()
        let events = try #require(rig.events)
        try events.await(.deviceConnected, count: 1)

        let keys = ["KEY_KP1", "KEY_KP2", "KEY_KP3", "KEY_KP4"].map { KeyCodes.code(named: $0)! }
        let sent = Mutex(0)
        let stop = Mutex(false)
        let evdev = rig.evdev
        // Stream presses, keeping at most a few unacknowledged so the device queue never overflows.
        let streamer = Thread {
            var index = 0
            while !stop.withLock({ $0 }) {
                if sent.withLock({ $0 }) - events.count(of: .voteCounted) < 4 {
                    guard (try? evdev.emit("rating-pad", EventScripts.keyTap(keys[index % 4]))) != nil else { break }
                    sent.withLock { $0 += 1 }
                    index += 1
                } else {
                    usleep(200)
                }
            }
        }
        streamer.start()
        try events.await(.voteCounted, count: 60, timeout: 60)
        try rig.kill9()
        stop.withLock { $0 = true }
        // Every acknowledgement kioskd sent before it died is still in the socket: read to the end.
        try awaitCondition("the event stream to end") { events.lines.isClosed }
        let acknowledged = events.count(of: .voteCounted)
        let pressed = sent.withLock { $0 }

        try rig.start()
        let counted = try rig.voteCount()
        #expect(counted >= acknowledged, "acknowledged \(acknowledged), counted \(counted)")
        // At most the one vote that was committed when the kill came and not yet acknowledged.
        #expect(counted <= acknowledged + 1, "acknowledged \(acknowledged), counted \(counted)")
        #expect(counted <= pressed)
        // Counting goes on after the restart.
        try rig.events!.await(.deviceConnected, count: 1)
        try rig.evdev.emit("rating-pad", EventScripts.keyTap(keys[0]))
        try rig.events!.await(.voteCounted, count: 1)
        #expect(try rig.voteCount() == counted + 1)
    }
}
