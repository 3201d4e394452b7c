import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport

/// Sealed days the tests make and sign themselves, and their push to the collector.
extension CollectorRig {
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
