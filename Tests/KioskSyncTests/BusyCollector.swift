import CollectorHTTP
import Foundation
import Hummingbird
import KioskProtocol
import Synchronization

/// The collector's routes behind a front that answers the first `busy` pushes with 503, as an
/// overloaded reverse proxy would, then lets every request through; it counts the pushes it saw.
struct BusyCollector<Inner: HTTPResponder>: HTTPResponder where Inner.Context == CollectorRequestContext {
    final class Counts: Sendable {
        let state: Mutex<(busyLeft: Int, pushes: Int)>

        init(busy: Int) {
            state = Mutex((busy, 0))
        }

        var pushes: Int { state.withLock { $0.pushes } }
    }

    let inner: Inner
    let counts: Counts

    func respond(to request: Request, context: CollectorRequestContext) async throws -> Response {
        guard request.method == .post, request.uri.path == "/api/v1/days" else { return try await inner.respond(to: request, context: context) }
        let busy = counts.state.withLock { state in
            state.pushes += 1
            guard state.busyLeft > 0 else { return false }
            state.busyLeft -= 1
            return true
        }
        guard busy else { return try await inner.respond(to: request, context: context) }
        return Response(
            status: .serviceUnavailable, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: ProtocolJSON.encode(PushAnswer(error: "the collector is busy")))))
    }
}
