import ArgumentParser
import Dispatch
import KioskCore
import KioskSeal
import SealVerification

/// What the collector spends on each pushed day before storing it, step by step: decoding the
/// canonical body (with its canonical-form check), verifying the Ed25519 signature, hashing.
struct SealCheckBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal-check", abstract: "Per-day cost of decoding, verifying and hashing a pushed sealed day.")

    @Option(help: "Days to check.") var days = 20_000

    func run() throws {
        let key = KioskSigningKey.generate()
        let first = LocalDay(year: 2026, month: 1, day: 1)!
        let bodies = (0..<days).map { IngestBenchmark.day(kiosk: $0 % 1000, day: first.adding(days: $0 % 300)!, previous: "").canonicalBytes() }
        let signatures = try bodies.map { try key.seal($0).signature }
        let verifier = SealVerifier(KioskPublicKey(base64: key.publicKey.base64)!)
        print("kiosk-bench seal-check: \(days) days of \(bodies[0].count) bytes")
        report("decode (DayTallies from canonical bytes, every rule checked in one pass)") { index in
            _ = try? DayTallies(canonicalBytes: bodies[index])
        }
        report("verify the Ed25519 signature (libsodium)") { index in _ = verifier.verifies(signatures[index], of: bodies[index]) }
        report("SHA-256 of the body") { index in _ = SealHash.hex(of: bodies[index]) }
    }

    private func report(_ step: String, _ body: (Int) -> Void) {
        var samples: [Double] = []
        samples.reserveCapacity(days)
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<days {
            let before = DispatchTime.now().uptimeNanoseconds
            body(index)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - before) / 1000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let summary = Summary(samples)
        print(String(format: "%@: median %.1f µs, p99 %.1f µs, %.0f days/s on one core", step, summary.p50, summary.p99, Double(days) / seconds))
    }
}
