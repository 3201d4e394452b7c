import CollectorCore
import CollectorHTTP
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskProtocol
import KioskSeal
import KioskSync
import Testing

/// CalendarFetcher against a real collector on loopback (CollectorServer, SQLite) for what it
/// installs and reports, and against a collector that answers what the test wants for every file a
/// kiosk must refuse (forged, tampered, stale, wrongly signed, invalid): refused, reported, and
/// nothing on the kiosk changed.
@Suite struct CalendarFetcherTests {
    static func file(_ year: Int, note: String = "Tết Dương lịch") -> String {
        "year = \(year)\n\n[[days_off]]\ndate = \"\(year)-01-01\"\nkind = \"holiday\"\nnote = \"\(note)\"\nsource = \"Bộ luật Lao động 2019, Điều 112\"\n"
    }

    static func signed(_ year: Int, version: Int, text: String? = nil, by key: CollectorSigningKey) throws -> SignedCalendar {
        let text = text ?? file(year)
        let sha = SealHash.hex(of: Array(text.utf8))
        return SignedCalendar(year: year, version: version, sha256: sha, signature: try key.signCalendar(year: year, version: version, sha256: sha), toml: text)
    }

    static func collectorKey(_ rig: PushRig, _ name: String = CollectorSigningKey.fileName) throws -> CollectorSigningKey {
        try CollectorSigningKey.loadOrCreate(path: rig.directory.appendingPathComponent(name).path)
    }

    static func fetcher(_ rig: PushRig, port: Int, collectorKey: KioskPublicKey) -> CalendarFetcher {
        CalendarFetcher(
            collector: "http://localhost:\(port)/", kioskID: rig.kioskID, signingKey: rig.key, collectorKey: collectorKey,
            shelf: CalendarShelf(stateDirectory: rig.directory.appendingPathComponent("state").path))
    }

    /// Every file under the kiosk's calendar directory with its bytes.
    static func contents(_ shelf: CalendarShelf) -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shelf.directory)) ?? []
        return Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: shelf.directory + "/" + $0) ?? Data()) })
    }

    @Test func newerFilesAreInstalledWithTheirStampAndTheCollectorLearnsWhatTheKioskHas() async throws {
        let rig = try await PushRig("calendar-fetch")
        let key = try Self.collectorKey(rig)
        _ = try await rig.collector.addCalendar(try CalendarUpload.check(fileName: "2027.toml", text: Self.file(2027)).get(), sign: key.signCalendar, by: "test")
        let app = Application(router: try CollectorServer(store: rig.collector, clock: CollectorClock(timeZone: PushRig.zone, wall: { Date() }), calendarSigner: key).router())
        try await app.test(.live) { client in
            let fetcher = Self.fetcher(rig, port: try #require(client.port), collectorKey: key.publicKey)
            let first = await fetcher.fetch()
            #expect(first == CalendarFetchReport(had: [], installed: [CalendarHolding(year: 2027, version: 1)]))
            let shelf = fetcher.shelf
            #expect(try String(contentsOfFile: shelf.tomlPath(year: 2027), encoding: .utf8) == Self.file(2027))
            #expect(shelf.stamps().map(\.holding) == [CalendarHolding(year: 2027, version: 1)])
            #expect(try await rig.collector.calendarHoldings().map(\.holding.text) == ["2027.1"], "reported once installed")
            #expect(Self.contents(shelf).keys.sorted() == ["2027.sig.json", "2027.toml"], "no temporary file left")

            _ = try await rig.collector.addCalendar(
                try CalendarUpload.check(fileName: "2027.toml", text: Self.file(2027, note: "Tết Dương lịch 2027")).get(), sign: key.signCalendar, by: "test")
            let second = await fetcher.fetch()
            #expect(second.installed == [CalendarHolding(year: 2027, version: 2)])
            #expect(try String(contentsOfFile: shelf.tomlPath(year: 2027), encoding: .utf8).contains("Tết Dương lịch 2027"))
            #expect(await fetcher.fetch() == CalendarFetchReport(had: [CalendarHolding(year: 2027, version: 2)]))
            #expect(try await rig.collector.calendarHoldings().map(\.holding.text) == ["2027.2"])
        }
    }

    /// A collector that answers every calendar fetch with `offer`.
    static func lyingCollector(_ offer: CalendarOffer) -> some ApplicationProtocol {
        let router = Router()
        router.get(RouterPath(CalendarFetch.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: ProtocolJSON.encode(offer))))
        }
        return Application(router: router)
    }

    @Test func forgedTamperedStaleWronglySignedAndInvalidFilesAreRefusedAndNothingChanges() async throws {
        let rig = try await PushRig("calendar-refused")
        let key = try Self.collectorKey(rig)
        let other = try Self.collectorKey(rig, "other-collector.key")
        let shelf = CalendarShelf(stateDirectory: rig.directory.appendingPathComponent("state").path)
        try shelf.install(try Self.signed(2026, version: 3, by: key))
        try shelf.install(try Self.signed(2027, version: 1, by: key))
        let before = Self.contents(shelf)

        var forged = try Self.signed(2028, version: 1, by: key)
        forged.signature = Data(repeating: 7, count: 64).base64EncodedString()
        var tampered = try Self.signed(2027, version: 2, by: key)
        tampered.toml = tampered.toml.replacingOccurrences(of: "01-01", with: "01-02")
        var rehashed = tampered
        rehashed.sha256 = SealHash.hex(of: Array(rehashed.toml.utf8))
        var renumbered = try Self.signed(2027, version: 1, text: Self.file(2027, note: "x"), by: key)
        renumbered.version = 5
        let offer = CalendarOffer(calendars: [
            forged, tampered, rehashed, renumbered,
            try Self.signed(2026, version: 2, text: Self.file(2026, note: "cũ"), by: key),
            try Self.signed(2029, version: 1, by: other),
            try Self.signed(2030, version: 1, text: Self.file(2030).replacingOccurrences(of: "2030-01-01", with: "2030-02-30"), by: key),
        ])
        try await Self.lyingCollector(offer).test(.live) { client in
            let report = await Self.fetcher(rig, port: try #require(client.port), collectorKey: key.publicKey).fetch()
            #expect(report.installed.isEmpty)
            #expect(report.failure == nil)
            #expect(report.refused.map { "\($0.year).\($0.version)" } == ["2028.1", "2027.2", "2027.2", "2027.5", "2026.2", "2029.1", "2030.1"])
            #expect(report.refused[0].reason == .badSignature, "forged")
            #expect(report.refused[1].reason == .tampered, "text altered")
            #expect(report.refused[2].reason == .badSignature, "text altered and its hash made to match")
            #expect(report.refused[3].reason == .badSignature, "version altered")
            #expect(report.refused[4].reason == .stale(installed: 3))
            #expect(report.refused[5].reason == .badSignature, "another collector's key")
            guard case .invalid(let issues) = report.refused[6].reason else {
                Issue.record("expected an invalid file, got \(report.refused[6].reason)")
                return
            }
            #expect(issues.map(\.key) == ["days_off[0].date"])
        }
        #expect(Self.contents(shelf) == before, "nothing on the kiosk changed")
    }

    @Test func anUnregisteredKioskIsToldWhyAndAnUnreachableCollectorIsRetriedNextRun() async throws {
        let rig = try await PushRig("calendar-unknown", registered: false)
        let key = try Self.collectorKey(rig)
        let app = Application(router: try CollectorServer(store: rig.collector, clock: CollectorClock(timeZone: PushRig.zone, wall: { Date() }), calendarSigner: key).router())
        try await app.test(.live) { client in
            let report = await Self.fetcher(rig, port: try #require(client.port), collectorKey: key.publicKey).fetch()
            guard case .refused(401, let reason) = report.failure else {
                Issue.record("expected a 401, got \(String(describing: report.failure))")
                return
            }
            #expect(reason.hasPrefix("unknown kiosk \"HN-HK-01\""))
        }
        let port = try RefusingPort()
        let unreachable = await Self.fetcher(rig, port: port.port, collectorKey: key.publicKey).fetch()
        #expect(unreachable.unreachable)
    }
}
