import CollectorCore
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import Testing

/// Everything the collector dates reads the one `CollectorClock` it is given: which days have
/// ended, how long a sign-in lasts, and the dashboard's default period. Run on a wall clock the
/// test sets, far from the machine's own date.
@Suite struct CollectorClockRouteTests {
    /// 23:59 on 14 March 2031 in Hanoi.
    static let lastMinute = ISO8601DateFormatter().date(from: "2031-03-14T16:59:00Z")!
    static let day = LocalDay("2031-03-14")!

    @Test func aDayIsTakenOnceItHasEndedOnTheCollectorsClockNotTheMachines() async throws {
        let collector = try await DashboardRouteTests.collector("clock-ingest")
        let wall = SettableWall(Self.lastMinute)
        try await collector.application(wall: wall.now).test(.router) { client in
            let early = try await collector.push(collector.day(Self.day), client: client)
            #expect(early.status == 422, "2031-03-14 has not ended in Hanoi at 23:59")
            #expect(early.answer.field == "day")
            #expect(early.answer.error?.contains("today is 2031-03-14") == true, "\(early.answer)")

            wall.advance(by: 60)
            #expect(try await collector.push(collector.day(Self.day), client: client).status == 201, "it has at midnight")
        }
    }

    @Test func aSignInLastsTwelveHoursOnTheCollectorsClock() async throws {
        let collector = try await DashboardRouteTests.collector("clock-session")
        let wall = SettableWall(Self.lastMinute)
        try await collector.application(wall: wall.now).test(.router) { client in
            let cookie = try #require(try await DashboardRouteTests.signIn("tinh", DashboardRouteTests.adminPassword, client: client).cookie)
            wall.advance(by: 12 * 3600 - 60)
            #expect(try await DashboardRouteTests.get("/", cookie: cookie, client: client).status == .ok)
            wall.advance(by: 120)
            let expired = try await DashboardRouteTests.get("/", cookie: cookie, client: client)
            #expect(expired.status == .found)
            #expect(expired.headers[.location] == "/login")
        }
    }

    @Test func theDashboardOpensOnTheMonthOfTheLastDayThatHasEnded() async throws {
        let collector = try await DashboardRouteTests.collector("clock-period")
        // 00:30 on 1 April 2031 in Hanoi: the last day that has ended is 31 March.
        let wall = SettableWall(ISO8601DateFormatter().date(from: "2031-03-31T17:30:00Z")!)
        try await collector.application(wall: wall.now).test(.router) { client in
            #expect(try await collector.push(collector.day(LocalDay("2031-03-31")!, votes: 4), client: client).status == 201)
            let cookie = try #require(try await DashboardRouteTests.signIn("tinh", DashboardRouteTests.adminPassword, client: client).cookie)
            let html = String(buffer: try await DashboardRouteTests.get("/", cookie: cookie, client: client).body)
            #expect(html.contains(#"<b id="total-answers">4</b>"#), "March 2031, not the machine's month")
        }
    }
}
