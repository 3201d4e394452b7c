import CollectorCore
import CollectorHTTP
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskProtocol
import KioskSeal
import Synchronization
import Testing

/// The calendars' routes in-process on SQLite: the kiosks' signed fetch (who may ask, what they
/// are sent, what is recorded) and the province admin's upload on the dashboard (a file refused
/// with its key and expectation; a version added, signed, and shown per kiosk with the October alert).
@Suite struct CalendarRouteTests {
    /// 23:00 on 30 September and 00:30 on 1 October in Hanoi: an hour and a half apart, so a
    /// sign-in (twelve hours on the same clock) lasts across them.
    static let september = ISO8601DateFormatter().date(from: "2026-09-30T16:00:00Z")!
    static let october = ISO8601DateFormatter().date(from: "2026-09-30T17:30:00Z")!

    static func application(_ collector: InProcessCollector, signer: CollectorSigningKey, clock: SettableWall) throws -> some ApplicationProtocol {
        Application(router: try CollectorServer(store: collector.store, clock: CollectorClock(timeZone: InProcessCollector.timeZone, wall: clock.now), calendarSigner: signer).router())
    }

    static func signer(_ collector: InProcessCollector) throws -> CollectorSigningKey {
        try CollectorSigningKey.loadOrCreate(path: collector.directory.appendingPathComponent(CollectorSigningKey.fileName).path)
    }

    /// `GET /api/v1/calendars` as a kiosk asks: signed by the collector's test kiosk unless told otherwise.
    static func fetch(
        _ collector: InProcessCollector, have: String, at time: Date, signedBy signer: KioskSigningKey? = nil, kiosk: String? = nil,
        signedHave: String? = nil, client: some TestClientProtocol
    ) async throws -> (status: Int, offer: CalendarOffer?, refusal: PushAnswer?) {
        let id = kiosk ?? collector.kiosk
        let timeText = CollectorTime.text(time)
        let message = CalendarFetch.message(kioskID: id, time: timeText, have: signedHave ?? have)
        let headers: HTTPFields = [
            .init(PushAnswer.Header.kioskID)!: id,
            .init(CalendarFetch.Header.time)!: timeText,
            .init(PushAnswer.Header.signature)!: try (signer ?? collector.key).seal(message).signature,
        ]
        return try await client.execute(uri: "\(CalendarFetch.path)?have=\(have)", method: .get, headers: headers) { response in
            let body = String(buffer: response.body)
            let status = Int(response.status.code)
            return status == 200
                ? (status, try ProtocolJSON.decode(CalendarOffer.self, from: body), nil)
                : (status, nil, try ProtocolJSON.decode(PushAnswer.self, from: body))
        }
    }

    @Test func aKioskIsSentTheNewerSignedFilesAndWhatItHasIsRecorded() async throws {
        let collector = try await InProcessCollector("calendar-fetch")
        let signer = try Self.signer(collector)
        let v1 = try await collector.store.addCalendar(try CalendarFixture.upload(2027), sign: signer.signCalendar, by: "test").calendar
        _ = try await collector.store.addCalendar(try CalendarFixture.upload(2026), sign: signer.signCalendar, by: "test")
        let clock = SettableWall(Self.october)
        try await Self.application(collector, signer: signer, clock: clock).test(.router) { client in
            let answer = try await Self.fetch(collector, have: "2026.1", at: Self.october.addingTimeInterval(-60), client: client)
            #expect(answer.status == 200)
            let offered = try #require(answer.offer?.calendars.single)
            #expect(offered == v1)
            #expect(signer.publicKey.isSignature(offered.signature, of: offered.message))
            #expect(offered.sha256 == SealHash.hex(of: Array(offered.toml.utf8)))
            #expect(try await collector.store.calendarHoldings().map(\.holding.text) == ["2026.1"])

            #expect(try await Self.fetch(collector, have: "2026.1,2027.1", at: Self.october, client: client).offer == CalendarOffer(calendars: []))
            #expect(try await collector.store.calendarHoldings().map(\.holding.text) == ["2026.1", "2027.1"])
        }
    }

    @Test func aFetchIsRefusedUnlessTheRegisteredKioskSignedItJustNow() async throws {
        let collector = try await InProcessCollector("calendar-fetch-refused")
        let clock = SettableWall(Self.october)
        try await Self.application(collector, signer: try Self.signer(collector), clock: clock).test(.router) { client in
            let unknown = try await Self.fetch(collector, have: "", at: Self.october, kiosk: "HN-XX-09", client: client)
            #expect(unknown.status == 401)
            #expect(unknown.refusal?.error?.hasPrefix("unknown kiosk \"HN-XX-09\"") == true)

            let forged = try await Self.fetch(collector, have: "", at: Self.october, signedBy: KioskSigningKey.generate(), client: client)
            #expect(forged.status == 403)
            #expect(forged.refusal?.error?.contains("does not verify") == true)

            let altered = try await Self.fetch(collector, have: "2027.9", at: Self.october, signedHave: "2027.1", client: client)
            #expect(altered.status == 403, "the query is part of what is signed")

            let replayed = try await Self.fetch(collector, have: "", at: Self.october.addingTimeInterval(-3600), client: client)
            #expect(replayed.status == 403)
            #expect(replayed.refusal?.error?.contains("more than 15 minutes") == true)

            let unreadable = try await Self.fetch(collector, have: "2027", at: Self.october, client: client)
            #expect(unreadable.status == 422)

            #expect(try await collector.store.calendarHoldings().isEmpty, "nothing recorded from a refused request")
            #expect(try await collector.store.revoke(kiosk: collector.kiosk, by: "test", reason: "stolen"))
            #expect(try await Self.fetch(collector, have: "", at: Self.october, client: client).status == 403)
        }
    }

    static func upload(_ fileName: String, _ text: String, csrf: String, cookie: String, client: some TestClientProtocol) async throws -> TestResponse {
        let boundary = "----kiosk-test-boundary"
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="csrf"\r
            \r
            \(csrf)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="\(fileName)"\r
            Content-Type: application/toml\r
            \r
            \(text)\r
            --\(boundary)--\r

            """
        return try await client.execute(
            uri: "/calendars", method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .origin: "http://localhost", .cookie: cookie],
            body: ByteBuffer(string: body))
    }

    static func csrf(_ html: String) throws -> String {
        try #require(html.firstRange(of: #"name="csrf" value=""#).map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })
    }

    @Test func aProvinceAdminUploadsACalendarAndSeesEachKiosksVersionsAndTheOctoberAlert() async throws {
        let collector = try await DashboardRouteTests.collector("calendar-upload")
        let signer = try Self.signer(collector)
        let clock = SettableWall(Self.september)
        try await Self.application(collector, signer: signer, clock: clock).test(.router) { client in
            let admin = try #require(try await DashboardRouteTests.signIn("tinh", DashboardRouteTests.adminPassword, client: client).cookie)
            let page = try await DashboardRouteTests.get("/calendars", cookie: admin, client: client)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains(#"<code id="collector-key">\#(signer.publicKey.base64)</code>"#))
            #expect(!html.contains(#"id="calendar-alerts""#), "no alert before October")
            let csrf = try Self.csrf(html)

            let invalid = CalendarFixture.file(2027).replacingOccurrences(of: "2027-01-01", with: "2027-02-30")
            let refused = try await Self.upload("2027.toml", invalid, csrf: csrf, cookie: admin, client: client)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("<li>2027.toml: days_off[0].date: "), "\(String(buffer: refused.body))")
            #expect(try await Self.upload("2028.toml", CalendarFixture.file(2027), csrf: csrf, cookie: admin, client: client).status == .unprocessableContent)
            #expect(try await Self.upload("2027.toml", CalendarFixture.file(2027), csrf: "stale", cookie: admin, client: client).status == .forbidden)
            #expect(try await collector.store.calendarRecords().isEmpty)

            let added = try await Self.upload("2027.toml", CalendarFixture.file(2027), csrf: csrf, cookie: admin, client: client)
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/calendars?added=2027%20v1")
            let again = try await Self.upload("2027.toml", CalendarFixture.file(2027), csrf: csrf, cookie: admin, client: client)
            #expect(again.headers[.location] == "/calendars?identical=2027%20v1")
            let stored = try #require(try await collector.store.calendarRecords().single)
            #expect(stored.addedBy == "dashboard:tinh")
            #expect(signer.publicKey.isSignature(stored.calendar.signature, of: stored.calendar.message))

            #expect(try await Self.fetch(collector, have: "2026.1", at: Self.september, client: client).offer?.calendars.map(\.year) == [2027])
            clock.time.withLock { $0 = Self.october }
            let october = String(buffer: try await DashboardRouteTests.get("/calendars", cookie: admin, client: client).body)
            #expect(october.contains(#"<tr data-kiosk="HN-HK-01" data-holdings="2026 v1">"#))
            #expect(october.contains(#"<li data-kiosk="HN-HK-01">Máy HN-HK-01 (HN-HK, Hoàn Kiếm) chưa có lịch năm 2027."#))
            #expect(october.contains(#"<tr data-year="2027" data-version="1">"#))

            _ = try await Self.fetch(collector, have: "2026.1,2027.1", at: Self.october, client: client)
            let covered = String(buffer: try await DashboardRouteTests.get("/calendars", cookie: admin, client: client).body)
            #expect(covered.contains("Mọi máy đã có lịch năm 2027."))

            let staff = try #require(try await DashboardRouteTests.signIn("badinh", DashboardRouteTests.staffPassword, client: client).cookie)
            #expect(try await DashboardRouteTests.get("/calendars", cookie: staff, client: client).status == .forbidden)
            #expect(try await Self.upload("2027.toml", CalendarFixture.file(2027), csrf: csrf, cookie: staff, client: client).status == .forbidden)
        }
    }
}
