import ArgumentParser
import CollectorCore
import Foundation

/// `--time-zone`, shared by the commands that need to know which days have ended.
struct TimeZoneOptions: ParsableArguments {
    @Option(name: .long, help: "The offices' time zone (IANA), which decides which days have ended.")
    var timeZone = CollectorClock.officesZoneIdentifier

    /// The wall clock in that zone.
    func clock() throws -> CollectorClock {
        guard let zone = TimeZone(identifier: timeZone) else {
            throw ValidationError("--time-zone: expected an IANA time zone such as \(CollectorClock.officesZoneIdentifier), found \"\(timeZone)\"")
        }
        return CollectorClock(timeZone: zone, wall: { Date() })
    }
}
