import CollectorCore
import Foundation
import Hummingbird
import KioskCore
import KioskProtocol
import Logging

/// The collector's HTTP API (`docs/collector-openapi.yaml`):
///
/// - `POST /api/v1/days`: a sealed day from a kiosk; the body is its canonical bytes, with the
///   headers `Kiosk-Id` and `Kiosk-Signature` (base64 Ed25519). Answers: see `DayIngestor`; 413 over 1 MiB.
/// - `GET /api/v1/calendars?have=2026.1,…`: the signed calendar files newer than the kiosk has,
///   asked with `Kiosk-Id`, `Kiosk-Time` and `Kiosk-Signature` (`CalendarFetch`, `CalendarFetchCheck`).
/// - `GET /api/v1/health`: 200 when the collector answers.
/// - `/`, `/login`, `/logout`, `/report.csv`: the staff dashboard (`DashboardRoutes`).
public struct CollectorServer: Sendable {
    let ingestor: DayIngestor
    let calendarFetch: CalendarFetchCheck
    let dashboard: DashboardRoutes

    /// - Parameters:
    ///   - alertBelow: offices under this % satisfied are raised as alerts on the dashboard.
    ///   - trustedProxies: the reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are
    ///     believed (for the sign-in throttle and secure cookies); nobody else's are.
    ///   - calendarSigner: the collector's key, which signs uploaded calendars; without it uploads are refused.
    ///   - clock: the time and the offices' zone for everything the collector dates: which days have
    ///     ended, the calendar fetch's time check, sign-in sessions and throttles, the dashboard's
    ///     default period and its alerts.
    public init(
        store: any CollectorStore, clock: CollectorClock, alertBelow: Double = 80, trustedProxies: Set<String> = [],
        calendarSigner: CollectorSigningKey? = nil
    ) throws {
        ingestor = DayIngestor(store: store) { clock.today }
        calendarFetch = CalendarFetchCheck(registry: store, calendars: store, now: clock.now)
        dashboard = try DashboardRoutes(
            registry: store, reports: store, accounts: store, calendars: store, calendarSigner: calendarSigner, clock: clock,
            threshold: alertBelow, clientAddress: ClientAddress(trustedProxies: trustedProxies))
    }

    public func router() -> Router<CollectorRequestContext> {
        let router = Router(context: CollectorRequestContext.self)
        dashboard.add(to: router)
        let ingestor = ingestor
        router.post("/api/v1/days") { request, _ -> Response in
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: DayIngestor.bodyLimit)
            } catch {
                return Self.json(413, PushAnswer(error: "a sealed day is at most \(DayIngestor.bodyLimit / 1024) KiB"))
            }
            let answer = try await ingestor.ingest(
                kioskID: Self.header(PushAnswer.Header.kioskID, of: request), signature: Self.header(PushAnswer.Header.signature, of: request),
                body: Array(body.readableBytesView))
            return Self.json(answer.status, answer.body)
        }
        let calendarFetch = calendarFetch
        router.get(RouterPath(CalendarFetch.path)) { request, _ -> Response in
            let answer = try await calendarFetch.answer(
                kioskID: Self.header(PushAnswer.Header.kioskID, of: request), signature: Self.header(PushAnswer.Header.signature, of: request),
                time: Self.header(CalendarFetch.Header.time, of: request), have: request.uri.queryParameters.get("have") ?? "")
            switch answer {
            case .offer(let offer): return Self.json(200, offer)
            case .refused(let status, let refusal): return Self.json(status, refusal)
            }
        }
        router.get("/api/v1/health") { _, _ -> Response in
            Self.json(200, ["status": "ok"])
        }
        return router
    }

    private static func header(_ name: String, of request: Request) -> String? {
        let lowercasedName = name.lowercased()
        return request.headers.first { $0.name.canonicalName == lowercasedName }?.value
    }

    static func json(_ status: Int, _ body: some Encodable) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: ProtocolJSON.encode(body) + "\n")))
    }
}
