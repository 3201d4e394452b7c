import CollectorCore
import CollectorHTTP
import CollectorStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskProtocol
import KioskSeal
import Testing

/// A collector in-process: `CollectorServer`'s routes on a SQLite file of its own in a temporary
/// directory, with one registered kiosk whose days the test signs itself.
final class InProcessCollector: Sendable {
    static let timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    let directory: URL
    let store: SQLiteCollectorStore
    let key = KioskSigningKey.generate()
    let kiosk = "HN-HK-01"
    let office = "HN-HK"

    init(_ name: String) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("collector-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteCollectorStore(path: directory.appendingPathComponent("collector.sqlite").path)
        let change = try await store.register(
            KioskRegistration(
                id: kiosk, officeCode: office, officeName: "Bộ phận Một cửa \(office)", district: "Hoàn Kiếm", province: "Hà Nội",
                publicKey: key.publicKey.base64),
            by: "test")
        precondition(change.refusal == nil, "registering the test's kiosk: \(change)")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func application(wall: @escaping @Sendable () -> Date = { Date() }) throws -> some ApplicationProtocol {
        Application(router: try CollectorServer(store: store, clock: CollectorClock(timeZone: Self.timeZone, wall: wall)).router())
    }

    /// Today in the offices' time zone, as the collector reckons it.
    static var today: LocalDay { LocalDay(Date(), in: timeZone) }

    /// A day of this kiosk with `votes` satisfied answers, chained to `previous`, as sealed bytes.
    func day(_ day: LocalDay, previous: String = "", votes: Int = 3) -> [UInt8] {
        DayTallies(
            kiosk: kiosk, office: office, day: day, previous: previous,
            votes: [.init(counter: "quay-1", service: "", question: "hai-long", choice: "rat-hai-long", score: 100, satisfied: true, count: votes)]
        ).canonicalBytes()
    }
}

extension InProcessCollector {
    /// A push's status and its body, decoded.
    struct Pushed {
        let status: Int
        let answer: PushAnswer
    }

    /// `POST /api/v1/days` as a kiosk sends it: this kiosk's id and its key's signature unless told otherwise.
    func push(_ body: [UInt8], kiosk: String? = nil, signedBy signer: KioskSigningKey? = nil, client: some TestClientProtocol) async throws -> Pushed {
        let headers: HTTPFields = [
            .init(PushAnswer.Header.kioskID)!: kiosk ?? self.kiosk,
            .init(PushAnswer.Header.signature)!: try (signer ?? key).seal(body).signature,
            .contentType: "application/json",
        ]
        return try await client.execute(uri: "/api/v1/days", method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            return Pushed(status: Int(response.status.code), answer: try ProtocolJSON.decode(PushAnswer.self, from: String(buffer: response.body)))
        }
    }
}
