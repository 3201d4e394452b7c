@testable import CollectorCore
import Foundation
import Synchronization
import Testing

@Suite struct CheckThreadsTests {
    /// Counts the bodies running at once and the most seen.
    final class Occupancy: Sendable {
        let state = Mutex((now: 0, most: 0, finished: 0))

        func enter() { state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { state.withLock { $0.now -= 1; $0.finished += 1 } }
    }

    @Test(arguments: [1, 3]) func noMoreThanTheWidthRunAtOnceAndEveryoneGetsATurn(_ width: Int) async {
        let checks = CheckThreads(width: width)
        let occupancy = Occupancy()
        await withTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    await checks.run {
                        occupancy.enter()
                        // Long enough for the other tasks to pile up at the door.
                        var spin = 0
                        for step in 0..<20_000 { spin &+= step }
                        occupancy.leave()
                        return index + spin * 0
                    }
                }
            }
            var seen = Set<Int>()
            for await index in group { seen.insert(index) }
            #expect(seen == Set(0..<200))
        }
        let state = occupancy.state.withLock { $0 }
        #expect(state.finished == 200)
        #expect(state.most <= width)
        #expect(state.most >= 1)
    }

    /// The checks yield to the writer: their threads run at nice +10, the rest at the process's own.
    @Test func checksRunAtALowerPriorityThanTheRestOfTheCollector() async {
        let checks = CheckThreads(width: 1)
        let own = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let check = await checks.run { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        #expect(check == min(19, own + CheckThreads.niceness))
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == own)
    }
}
