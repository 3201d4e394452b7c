import Foundation
import Hummingbird

/// The checks every state-changing request of the dashboard passes before it is read: a form body
/// (`application/x-www-form-urlencoded`, as a browser's form sends; 415 otherwise, so a
/// `text/plain` body another site can send without asking is not taken as a form), from this
/// collector's own pages (`Origin`, or `Referer` when a browser sends no Origin, names this host;
/// `null` or another site is refused with 403), and, for a signed-in person, the session's form
/// token in the `csrf` field (403 otherwise). SameSite cookies alone were the only defence.
enum FormPost {
    enum Outcome {
        case form(FormFields)
        case refused(HTTPResponse.Status, String)
    }

    static let limit = 16 * 1024

    static func check(_ request: inout Request, host: String?, session: DashboardSession?) async throws -> Outcome {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/x-www-form-urlencoded" else {
            return .refused(
                .unsupportedMediaType,
                "Chỉ nhận biểu mẫu (application/x-www-form-urlencoded). / Only form posts are accepted (application/x-www-form-urlencoded), found \(type ?? "none").")
        }
        guard let host, sameOrigin(request, host: host) else {
            return .refused(.forbidden, "Yêu cầu không đến từ trang của máy chủ này. / The request did not come from this collector's own pages.")
        }
        let form = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
        if let session {
            guard let sent = form["csrf"], constantTimeEqual(sent, session.formToken) else {
                return .refused(
                    .forbidden, "Biểu mẫu đã cũ hoặc không thuộc phiên đăng nhập này; hãy tải lại trang. / The form is stale or not this session's; reload the page.")
            }
        }
        return .form(form)
    }

    /// `Origin` (or, without one, `Referer`) names `host`, the host the request was sent to.
    static func sameOrigin(_ request: Request, host: String) -> Bool {
        let source = request.headers[.origin] ?? request.headers[.referer]
        guard let source, source != "null", let url = URL(string: source), let sourceHost = url.host else { return false }
        let named = url.port.map { "\(sourceHost):\($0)" } ?? sourceHost
        return named.lowercased() == host.lowercased()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
