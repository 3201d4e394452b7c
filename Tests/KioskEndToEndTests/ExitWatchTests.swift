import Foundation
import Glibc
import KioskTestSupport
import Testing

/// The harness sees a child end even while Foundation's process manager is held up by another
/// child: one that closes the descriptors it inherited and goes on running (Foundation then waits
/// for it in a blocking `waitpid` and tells of no other child's end until it ends).
@Suite(.serialized) struct ExitWatchTests {
    /// A child that closes every inherited descriptor, says so, and runs until killed.
    func startBlocker() throws -> (Process, ExitWatch) {
        let blocker = Process()
        blocker.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        blocker.arguments = ["-e", "use POSIX; POSIX::close($_) for 3 .. 1023; print \"closed\\n\"; STDOUT->flush; sleep 60"]
        let output = try ChildPipe(child: .writes)
        blocker.standardOutput = output.childEnd
        blocker.standardError = FileHandle.nullDevice
        let watch = ExitWatch(blocker)
        try blocker.run(handingOver: output)
        let line = output.parentEnd.availableData
        #expect(String(decoding: line, as: UTF8.self) == "closed\n")
        return (blocker, watch)
    }

    @Test func aChildsEndIsSeenWhileFoundationWaitsForAnother() throws {
        let (blocker, blockerWatch) = try startBlocker()
        defer { blockerWatch.stop(blocker) }

        let started = Date()
        let finished = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo out; exit 3"], timeout: 20)
        #expect(finished.status == 3)
        #expect(finished.outputText == "out\n")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aSignalledChildIsSeenAsSignalledWhileFoundationWaitsForAnother() throws {
        let (blocker, blockerWatch) = try startBlocker()
        defer { blockerWatch.stop(blocker) }

        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["60"]
        let watch = ExitWatch(sleeper)
        try sleeper.run()
        #expect(!watch.hasExited)
        kill(sleeper.processIdentifier, SIGKILL)
        #expect(watch.wait(timeout: 5))
        #expect(watch.ended == .signalled(SIGKILL))
    }

    @Test func theBlockersOwnEndIsSeenToo() throws {
        let (blocker, blockerWatch) = try startBlocker()
        blockerWatch.stop(blocker, grace: 5)
        #expect(blockerWatch.ended == .signalled(SIGKILL))
    }
}
