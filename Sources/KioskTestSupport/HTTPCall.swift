import Foundation
import KioskProtocol

/// One HTTP request to kioskd's API or the collector's, synchronously: status and body.
public enum HTTPCall {
    public struct Answer {
        public let status: Int
        public let body: Data
        public var json: [String: Any] { LooseJSON.object(body) }

        /// The body as one of the protocol's types (kioskd's answers).
        public func decoded<Value: Decodable>(_ type: Value.Type) throws -> Value {
            try ProtocolJSON.decode(type, from: body)
        }
    }

    public static func send(
        _ method: String, _ url: String, body: Data? = nil, token: String? = nil, headers: [String: String] = [:]
    ) throws -> Answer {
        var fields = headers
        if let token { fields["Authorization"] = "Bearer \(token)" }
        let answer = try HTTPExchange.send(method, url, body: body, headers: fields)
        return Answer(status: answer.status, body: answer.body)
    }
}
