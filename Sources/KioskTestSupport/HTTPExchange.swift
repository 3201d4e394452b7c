import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP request answered synchronously, through AsyncHTTPClient (swift-nio's sockets).
///
/// Not URLSession: on Linux, FoundationNetworking wraps curl's sockets in Dispatch sources, and
/// curl closes a socket while the source's cancellation is still under way. With requests in
/// flight to a server that is killed, that corrupts libdispatch's event loop: a test run died with
/// SIGSEGV in `_dispatch_event_loop_drain` (swift-corelibs-foundation#4791, #5469). Redirects are
/// not followed, so callers see the status the server sent.
public enum HTTPExchange {
    public struct Answer: Sendable {
        public let status: Int
        public let body: Data
        /// Header names in lower case.
        public var headers: [String: String] = [:]

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    public static func send(
        _ method: String, _ url: String, body: Data? = nil, headers: [String: String] = [:], timeout: Double = 60
    ) throws -> Answer {
        var fields = HTTPHeaders(headers.map { ($0.key, $0.value) })
        if body != nil, fields["Content-Type"].isEmpty { fields.add(name: "Content-Type", value: "application/json") }
        let request = try HTTPClient.Request(
            url: url, method: HTTPMethod(rawValue: method), headers: fields, body: body.map { .data($0) })
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
        let response = try client.execute(request: request, deadline: deadline).wait()
        let bytes = response.body.map { Data($0.readableBytesView) } ?? Data()
        let headers = Dictionary(response.headers.map { ($0.name.lowercased(), $0.value) }) { first, _ in first }
        return Answer(status: Int(response.status.code), body: bytes, headers: headers)
    }
}
