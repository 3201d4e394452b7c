import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// The 2027 file the demo uploads to its collector is a valid calendar file, and an honest
/// example: the law's holidays dated as the provisional rules date them, nothing invented.
struct DemoCalendarUploadTests {
    static let path = CalendarFileShippedTests.directory.deletingLastPathComponent()
        .appendingPathComponent("demo/calendar-upload/2027.toml").path

    @Test func theDemoUploadIsAValidCalendarWithTheProvisionalDaysOff() throws {
        let uploaded = try CalendarFile.load(path: Self.path).get()
        let provisional = try #require(ProvisionalYearBuilder().calendar(for: 2027))
        #expect(uploaded.origin == .official)
        #expect(uploaded.daysOff.map { "\($0.day) \($0.kind)" } == provisional.daysOff.map { "\($0.day) \($0.kind)" })
        #expect(uploaded.workingDays.isEmpty)
        #expect(uploaded.daysOff.allSatisfy { $0.entry.source.hasPrefix("Ví dụ cho demo") })
    }
}
