import AsyncHTTPClient
import Foundation
import KioskCore
import KioskProtocol
import KioskStore
import NIOCore
import NIOHTTP1

/// Sends the outbox to the collector, oldest day first: `POST {collector}/api/v1/days` with the
/// sealed bytes, `Kiosk-Id` and `Kiosk-Signature`. A day the collector stored (201) or already had
/// (200) leaves the outbox; pushing twice is harmless. No answer or a temporary one (5xx, 429) is
/// retried with exponential backoff and jitter, and after the last attempt the run stops there so
/// the days stay in order for the next run. A refusal of one day (409, 422, 413) is reported and the
/// later days still go; a refusal of the kiosk itself (401, 403) stops the run.
public struct DayPusher: Sendable {
    let collector: String
    let kioskID: String
    let store: KioskDatabase
    let policy: PushPolicy
    let sleep: @Sendable (Double) async -> Void
    let random: @Sendable () -> Double

    public init(
        collector: String, kioskID: String, store: KioskDatabase, policy: PushPolicy = PushPolicy(),
        sleep: @escaping @Sendable (Double) async -> Void = { seconds in try? await Task.sleep(for: .seconds(seconds)) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.collector = collector.hasSuffix("/") ? String(collector.dropLast()) : collector
        self.kioskID = kioskID
        self.store = store
        self.policy = policy
        self.sleep = sleep
        self.random = random
    }

    public func pushOutbox(progress: @Sendable (LocalDay, PushReport.DayResult) -> Void = { _, _ in }) async throws -> PushReport {
        var configuration = HTTPClient.Configuration()
        // Our own retries, with backoff and jitter, decide when to try again; the client's would
        // keep a dead network busy until the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var report = PushReport()
        do {
            for record in try store.outbox() {
                let result = await push(record, client: client)
                if result == .stored || result == .alreadyStored { try store.markPushed(record.day) }
                report.results.append((record.day, result))
                progress(record.day, result)
                if case .unreachable = result { break }
                if case .refused(let status, _) = result, status == 401 || status == 403 { break }
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return report
    }

    private func push(_ record: SealedDayRecord, client: HTTPClient) async -> PushReport.DayResult {
        var lastProblem = ""
        for attempt in 1...max(policy.attempts, 1) {
            if attempt > 1 { await sleep(policy.delay(beforeRetry: attempt - 1, random: random())) }
            do {
                var request = HTTPClientRequest(url: "\(collector)/api/v1/days")
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.headers.add(name: PushAnswer.Header.kioskID, value: kioskID)
                request.headers.add(name: PushAnswer.Header.signature, value: record.signature)
                request.body = .bytes(ByteBuffer(bytes: record.body))
                let response = try await client.execute(request, timeout: .milliseconds(Int64(policy.timeout * 1000)))
                let body = try await response.body.collect(upTo: 64 * 1024)
                let status = Int(response.status.code)
                switch status {
                case 201: return .stored
                case 200: return .alreadyStored
                case 429, 500...599: lastProblem = "HTTP \(status): \(Self.reason(body))"
                default: return .refused(status: status, reason: Self.reason(body))
                }
            } catch {
                lastProblem = "\(error)"
            }
        }
        return .unreachable(lastProblem)
    }

    /// The collector's "error" field, else the body as text.
    private static func reason(_ body: ByteBuffer) -> String {
        let data = Data(body.readableBytesView)
        if let reason = (try? ProtocolJSON.decode(PushAnswer.self, from: data))?.reason { return reason }
        return String(decoding: data, as: UTF8.self)
    }
}
