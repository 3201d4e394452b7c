import Foundation
import Hummingbird
import KioskCore
import KioskProtocol
import Logging
import ServiceLifecycle

/// kioskd's HTTP API for the office's case software and staff PCs, on loopback (or a LAN
/// address with a Bearer token):
///
/// - `POST /api/v1/slips`: a slip request (JSON, see `SlipRequestParser`); 201 printed,
///   400 not JSON, 422 a field is wrong (each field and reason listed), 503 the printer could
///   not print it (the reason, Vietnamese first), 413 over 256 KiB.
/// - `GET /api/v1/status`: what `kioskctl status --json` shows.
/// - `GET /api/v1/events`: the daemon's events as server-sent events (`data:` one JSON event),
///   starting with each printer's state (`EventFeed`).
/// - `GET /api/v1/hall`: the hall display's state: each counter's current ticket, people waiting
///   per service, each printer's state. `GET /screens/hall`, `/screens/rating/TERMINAL`, `/screens/tickets/TERMINAL`:
///   the hall display, a counter's rating screen and the entrance ticket menu (`ScreenPages`,
///   `TerminalScreens`), updated by the events.
///
/// Runs on its own Swift concurrency tasks; the blocking slip work is moved off them.
final class LocalAPIServer: DaemonService {
    static let bodyLimit = 256 * 1024

    private let responder: RouterResponder<BasicRequestContext>
    private let configuration: ApplicationConfiguration
    private let address: String
    private let logger: Logger
    private let feed: EventFeed

    init(config: LocalAPIConfig, slips: SlipDesk?, status: @escaping @Sendable () -> StatusReport, feed: EventFeed, hall: HallBoard, logger: Logger) {
        self.logger = logger
        self.feed = feed
        address = "\(config.host.contains(":") ? "[\(config.host)]" : config.host):\(config.port)"
        let router = Router()
        router.add(middleware: BearerTokenMiddleware(token: config.token))
        router.post("/api/v1/slips") { request, _ -> Response in
            guard let slips else {
                return Self.json(404, Self.failure("slips are not configured on this kiosk: the office file has no [slips] table"))
            }
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: Self.bodyLimit)
            } catch {
                return Self.json(413, Self.failure("the request is larger than \(Self.bodyLimit / 1024) KiB"))
            }
            let bytes = Array(body.readableBytesView)
            // The slip waits for the printer: keep that wait off the server's tasks.
            let answer = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: slips.handle(bytes)) }
            }
            return Self.json(answer.status, answer.body)
        }
        router.get("/api/v1/status") { _, _ -> Response in
            Self.json(200, ProtocolJSON.encode(status()))
        }
        router.get("/api/v1/events") { _, _ -> Response in
            let stream = feed.subscribe()
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    // A page reconnects 1 s after losing the stream (kioskd restarting), then reloads the state.
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    for await item in stream {
                        switch item {
                        case .event(let event) where event.isForScreens: try await writer.write(ByteBuffer(string: "data: \(event.json)\n\n"))
                        case .event: continue
                        case .ping: try await writer.write(ByteBuffer(string: ": ping\n\n"))
                        }
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("/api/v1/hall") { _, _ -> Response in
            do {
                return Self.json(200, ProtocolJSON.encode(try hall.snapshot()))
            } catch {
                return Self.json(503, Self.failure("the queue cannot be read: \(error)"))
            }
        }
        router.get("/screens/hall") { _, _ -> Response in
            Self.screen(ScreenPages.hall(officeName: hall.officeName))
        }
        let office = hall.config
        router.get("/screens/rating/{terminal}") { _, context -> Response in
            guard let id = context.parameters.get("terminal"), let terminal = office.terminal(id: id),
                let html = TerminalScreens.rating(terminal, config: office)
            else { return Self.json(404, Self.failure("no rating terminal with a screen by that id")) }
            return Self.screen(html)
        }
        router.get("/screens/tickets/{terminal}") { _, context -> Response in
            guard let id = context.parameters.get("terminal"), let terminal = office.ticketTerminal(id: id),
                let html = TerminalScreens.tickets(terminal, config: office)
            else { return Self.json(404, Self.failure("no ticket terminal with a screen by that id")) }
            return Self.screen(html)
        }
        responder = router.buildResponder()
        configuration = .init(address: .hostname(config.host, port: config.port), serverName: "kioskd")
    }

    /// Serves until a graceful shutdown. A server that cannot listen is logged and left out: votes
    /// and tickets go on without the API, and the log says why slips cannot arrive.
    func run(started: StartLatch) async {
        let address = address
        let logger = logger
        let application = Application(
            responder: responder, configuration: configuration,
            onServerRunning: { _ in
                logger.notice("HTTP API on http://\(address)/api/v1/")
                started.open()
            },
            logger: logger)
        do {
            try await withGracefulShutdownHandler {
                try await application.run()
            } onGracefulShutdown: { [feed] in
                feed.close()
            }
        } catch {
            logger.error("HTTP API on \(address) stopped: \(error)")
            started.open()
            try? await gracefulShutdown()
        }
    }

    /// A screen page: no caching, scripts and styles from the page itself only.
    static func screen(_ html: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .init("Content-Security-Policy")!: "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func json(_ status: Int, _ body: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body + "\n")))
    }

    /// A refusal's body: `{"error": "..."}`.
    static func failure(_ message: String) -> String { ProtocolJSON.encode(ControlFailure(error: message)) }
}

/// Requires `Authorization: Bearer TOKEN` on every request when a token is configured.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    /// What the hall shows anyway (called numbers, people waiting) needs no token: the screens'
    /// browser cannot send one. Everything else does.
    static func isPublic(_ request: Request) -> Bool {
        request.method == .get && (request.uri.path.hasPrefix("/screens/") || ["/api/v1/events", "/api/v1/hall"].contains(request.uri.path))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, !Self.isPublic(request) else { return try await next(request, context) }
        let given = request.headers[.authorization]
        guard let given, Self.constantTimeEqual(Array(given.utf8), Array("Bearer \(token)".utf8)) else {
            return LocalAPIServer.json(
                401, LocalAPIServer.failure(given == nil ? "missing Authorization: Bearer token" : "wrong token"))
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so response times do not leak the token.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
