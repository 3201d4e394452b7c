import Foundation
import KioskCore
import Synchronization

/// The office's time, set by the test: a wall clock and a monotonic clock that move only when told.
final class ManualClock: Sendable {
    private let state: Mutex<(wall: Date, monotonic: Double)>
    let timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// - Parameter wall: office time, "YYYY-MM-DD HH:MM".
    init(_ wall: String) {
        state = Mutex((Self.date(wall, in: timeZone), 1000))
    }

    func advance(seconds: Double) {
        state.withLock { $0 = ($0.wall.addingTimeInterval(seconds), $0.monotonic + seconds) }
    }

    func officeClock(resetHour: Int = 0) -> OfficeClock {
        OfficeClock(timeZone: timeZone, resetHour: resetHour, wall: { self.state.withLock { $0.wall } }, monotonic: { self.state.withLock { $0.monotonic } })
    }

    static func date(_ text: String, in zone: TimeZone) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }
}
