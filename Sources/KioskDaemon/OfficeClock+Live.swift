import Foundation
import KioskCore
import KioskInput

extension OfficeClock {
    /// The running office's clock: the system's wall clock and CLOCK_MONOTONIC.
    public static func live(for config: OfficeConfig) -> OfficeClock {
        OfficeClock(office: config, wall: { Date() }, monotonic: { MonotonicClock.now() })
    }
}
