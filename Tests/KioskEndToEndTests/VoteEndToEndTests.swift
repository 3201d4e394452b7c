import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

/// kioskd as a process on emulated devices: presses become committed, acknowledged tallies.
@Suite struct VoteEndToEndTests {
    let kp1 = KeyCodes.code(named: "KEY_KP1")!
    let kp2 = KeyCodes.code(named: "KEY_KP2")!
    let kp3 = KeyCodes.code(named: "KEY_KP3")!
    let kpEnter = KeyCodes.code(named: "KEY_KPENTER")!

    /// Raw eGalax coordinates (0…32760) for a point of the 1000×500 test screen.
    func raw(_ x: Double, _ y: Double) -> (Int32, Int32) {
        (Int32(x / 1000 * 32760), Int32(y / 500 * 32760))
    }

    func tap(_ rig: DaemonRig, x: Double, y: Double, seconds: Double, at t: Double) throws {
        let (rx, ry) = raw(x, y)
        try rig.evdev.emit("touch-1", EventScripts.slotDown(trackingID: Int32(t), x: rx, y: ry, time: t))
        try rig.evdev.emit("touch-1", EventScripts.slotUp(time: t + seconds))
    }

    @Test func touchscreenVotesPhantomTapsRestingHandsOutsideTapsAndLockout() throws {
        let rig = try DaemonRig("touch") { TestOffice.touchAndArmedKeypad($0) }
        try rig.evdev.add("touch-1", description: DaemonRig.egalax)
        try rig.start()
        let events = try #require(rig.events)
        try awaitCondition("the touchscreen to connect") { events.count(of: .deviceConnected) >= 1 }

        try tap(rig, x: 300, y: 300, seconds: 0.005, at: 100)  // phantom: 5 ms
        try events.await(.pressRejected, count: 1)
        try tap(rig, x: 300, y: 300, seconds: 8, at: 200)  // resting hand: 8 s
        try events.await(.pressRejected, count: 2)
        try tap(rig, x: 300, y: 50, seconds: 0.2, at: 300)  // above the zones
        try events.await(.pressRejected, count: 3)
        try tap(rig, x: 300, y: 300, seconds: 0.2, at: 400)  // choice 2: Hài lòng
        try events.await(.voteCounted, count: 1)
        try tap(rig, x: 900, y: 300, seconds: 0.2, at: 401)  // within the 30 s lockout
        try events.await(.pressRejected, count: 4)

        #expect(try rig.voteCount() == 1)
        #expect(try rig.voteCount(choice: "hai-long") == 1)
        #expect(try rig.rejectedCount("ignored-short") == 1)
        #expect(try rig.rejectedCount("ignored-long") == 1)
        #expect(try rig.rejectedCount("ignored-outside") == 1)
        #expect(try rig.rejectedCount("misuse-lockout") == 1)
        let terminals = events.events.compactMap { event -> String? in
            if case .voteCounted(let terminal, _, _, _) = event { terminal } else { nil }
        }
        #expect(terminals.first == "quay-1-danh-gia")
        // The acknowledgement says that a vote counted, never which answer it was: not on the wire either.
        let voteLine = try #require(events.lines.lines.first { $0.contains(#""event":"vote-counted""#) })
        #expect(!voteLine.contains(#""choice""#))
    }

    /// The kernel's buffer overflows while a citizen touches: the touch is no vote, but it is
    /// counted (`ignored-overflow`, in the day's press tally) and the journal says so once.
    @Test func aTouchLostToAnInputOverflowIsCountedAndLogged() throws {
        let rig = try DaemonRig("touch-overflow") { TestOffice.touchAndArmedKeypad($0) }
        try rig.evdev.add("touch-1", description: DaemonRig.egalax)
        try rig.start()
        let events = try #require(rig.events)
        try awaitCondition("the touchscreen to connect") { events.count(of: .deviceConnected) >= 1 }
        // The finger lands while the events are being lost; the resync finds it down. (A touch
        // already seen when the overflow starts is lost the same way, but whether kioskd read its
        // landing before the overrun cleared the queue is a race here; TouchGestureTests has it.)
        let (rx, ry) = raw(300, 300)
        try rig.evdev.drop("touch-1")
        try rig.evdev.emit("touch-1", EventScripts.slotDown(trackingID: 1, x: rx, y: ry, time: 100))
        try rig.evdev.resume("touch-1")
        try events.await(.pressRejected)
        try rig.evdev.emit("touch-1", EventScripts.slotUp(time: 100.2))
        try tap(rig, x: 300, y: 300, seconds: 0.2, at: 101)
        try events.await(.voteCounted)
        let rejections = events.events.compactMap { event -> PressRejection? in
            if case .pressRejected(_, let kind) = event { kind } else { nil }
        }
        #expect(rejections.first == .lostToOverflow)
        #expect(try rig.rejectedCount("ignored-overflow") == 1)
        #expect(try rig.voteCount() == 1, "the next touch counts")
        let daemon = try #require(rig.daemon)
        try awaitCondition("the journal line") { daemon.stderr.lines.contains { $0.contains("ignored-overflow") } }
        #expect(daemon.stderr.lines.filter { $0.contains("ignored-overflow") }.count == 1)
        let line = daemon.stderr.lines.first { $0.contains("ignored-overflow") } ?? ""
        if !(line.contains(rig.evdev.devicePath("touch-1")) && line.contains("tràn")) { Issue.record("the journal line: \(line)") }
    }

    @Test func armedKeypadAcceptsOneRatingPerArmAndBlinksOnlyAfterTheCommit() throws {
        let rig = try DaemonRig("armed") { TestOffice.touchAndArmedKeypad($0) }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        try rig.evdev.add("staff-pad", description: DaemonRig.keypad)
        try rig.start()
        let events = try #require(rig.events)
        try awaitCondition("both keypads to connect") { events.count(of: .deviceConnected) >= 2 }

        try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp1))  // not armed: misuse
        try events.await(.pressRejected, count: 1)
        #expect(rig.evdev.writes(to: "rating-pad").isEmpty)

        try rig.evdev.emit("staff-pad", EventScripts.keyTap(kpEnter))
        try events.await(.armed, count: 1)
        try rig.evdev.emit("rating-pad", EventScripts.numLockWrappedKeyTap(kp2))
        try events.await(.voteCounted, count: 1)
        // The LED blink (EV_LED written to the pad) comes after the vote is in the database.
        try awaitCondition("the rating pad's LED blink") { !rig.evdev.writes(to: "rating-pad").isEmpty }
        #expect(try rig.voteCount(choice: "hai-long") == 1)

        try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp3))  // the arm was used up
        try events.await(.pressRejected, count: 2)
        #expect(try rig.voteCount() == 1)
        #expect(try rig.rejectedCount("misuse-unarmed") == 2)
    }

    @Test func fiveQuestionSurveyCountsEachAnswerAndCompletesOnTheLast() throws {
        let rig = try DaemonRig("sipas") { TestOffice.freeKeypad($0, survey: "sipas5") }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        try rig.start()
        let events = try #require(rig.events)
        try awaitCondition("the keypad to connect") { events.count(of: .deviceConnected) >= 1 }
        for key in [kp1, kp1, kp2, kp1, kp3] {
            try rig.evdev.emit("rating-pad", EventScripts.keyTap(key))
        }
        try events.await(.voteCounted, count: 5)
        let votes = events.events.compactMap { event -> (question: String, index: Int, completes: Bool)? in
            if case .voteCounted(_, let question, let index, let completes) = event { (question, index, completes) } else { nil }
        }
        #expect(votes.map(\.index) == [0, 1, 2, 3, 4])
        #expect(votes.map(\.completes) == [false, false, false, false, true])
        #expect(votes.map(\.question) == ["tiep-can", "thu-tuc", "cong-chuc", "ket-qua", "gop-y"])

        let index = try rig.tally().index
        #expect(index.answers == 5)
        #expect(index.satisfied == 4)
        #expect(index.percentSatisfied == 80)
        #expect(index.meanScore == 85)  // (100 + 100 + 75 + 100 + 50) / 5
    }

    @Test func unplugWhileRunningThenReplugKeepsCounting() throws {
        let rig = try DaemonRig("unplug") { TestOffice.freeKeypad($0) }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        let daemon = try rig.start()
        let events = try #require(rig.events)
        try awaitCondition("the keypad to connect") { events.count(of: .deviceConnected) >= 1 }
        try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp1))
        try events.await(.voteCounted, count: 1)

        try rig.evdev.remove("rating-pad")
        try events.await(.deviceDisconnected, count: 1)
        #expect(daemon.process.isRunning)
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        try events.await(.deviceConnected, count: 2)
        try rig.evdev.emit("rating-pad", EventScripts.keyTap(kp2))
        try events.await(.voteCounted, count: 2)
        #expect(try rig.voteCount() == 2)
        // Logged once per change, not once per retry.
        #expect(daemon.stderr.lines.filter { $0.contains("device disconnected") }.count == 1)
        #expect(daemon.stderr.lines.filter { $0.contains("device connected") }.count == 2)
    }
}
