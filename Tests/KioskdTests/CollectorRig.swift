import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport

/// A collectord with its own database and a registered kiosk whose days the test signs itself.
final class CollectorRig: @unchecked Sendable {
    let directory: URL
    let database: String
    private(set) var collector: CollectordProcess
    let key = KioskSigningKey.generate()
    let kiosk = "HN-HK-01"
    let office = "HN-HK"

    init(_ name: String) throws {
        directory = try RepositoryPaths.temporaryDirectory("collector-\(name)")
        database = directory.appendingPathComponent("collector.sqlite").path
        collector = try CollectordProcess(database: database)
        try register(kiosk, office: office, key: key)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func register(_ id: String, office: String, key: KioskSigningKey, district: String = "Hoàn Kiếm", province: String = "Hà Nội") throws {
        _ = try collectord([
            "kiosk", "add", "--id", id, "--office-code", office, "--office-name", "Bộ phận Một cửa \(office)",
            "--district", district, "--province", province, "--public-key", key.publicKey.base64,
        ])
    }

    func collectord(_ arguments: [String]) throws -> String {
        try CollectordProcess.run(arguments, database: database)
    }

    func restart() throws {
        collector = try CollectordProcess(database: database, port: collector.port)
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try collectord(arguments + ["--json"]).utf8)) as! [[String: Any]]
    }

    /// A day of `kiosk` with `votes` satisfied answers, chained to `previous`.
    static func day(
        _ day: LocalDay, kiosk: String = "HN-HK-01", office: String = "HN-HK", previous: String = "", votes: Int = 3
    ) -> DayTallies {
        DayTallies(
            kiosk: kiosk, office: office, day: day, previous: previous,
            votes: votes > 0
                ? [.init(counter: "quay-1", service: "", question: "hai-long", choice: "rat-hai-long", score: 100, satisfied: true, count: votes)]
                : [])
    }

    /// Days `first`, `first + 1`, … chained from "", with 1, 2, 3, … votes.
    static func chain(from first: LocalDay, count: Int, kiosk: String = "HN-HK-01", office: String = "HN-HK") -> [[UInt8]] {
        var previous = ""
        return (0..<count).map { index in
            let bytes = day(first.adding(days: index)!, kiosk: kiosk, office: office, previous: previous, votes: index + 1).canonicalBytes()
            previous = SealHash.hex(of: bytes)
            return bytes
        }
    }

    func push(_ body: [UInt8], kiosk: String? = nil, signedBy signer: KioskSigningKey? = nil, signature: String? = nil) throws -> HTTPCall.Answer {
        let seal = try (signer ?? key).seal(body)
        var headers = ["Kiosk-Id": kiosk ?? self.kiosk]
        headers["Kiosk-Signature"] = signature ?? seal.signature
        return try HTTPCall.send("POST", "\(collector.base)/api/v1/days", body: Data(body), headers: headers)
    }
}
