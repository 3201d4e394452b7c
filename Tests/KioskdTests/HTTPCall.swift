import Foundation
import KioskTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request to kioskd's API, synchronously: status and body.
enum HTTPCall {
    struct Answer {
        let status: Int
        let body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    static func send(
        _ method: String, _ url: String, body: Data? = nil, token: String? = nil, headers: [String: String] = [:]
    ) throws -> Answer {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<Answer, Error>!
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                result = .failure(error)
            } else {
                result = .success(Answer(status: (response as! HTTPURLResponse).statusCode, body: data ?? Data()))
            }
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + request.timeoutInterval + 30) == .success else {
            throw HarnessError("\(method) \(url): no answer within \(Int(request.timeoutInterval) + 30) s")
        }
        return try result.get()
    }
}
