import Hummingbird

extension FormPost {
    /// The largest file upload (a year's calendar file is about 6 KiB).
    static let uploadLimit = 256 * 1024

    /// `check`'s rules for a form with a file (`multipart/form-data`): the same origin and the
    /// session's form token in its `csrf` part; 415 for any other body, 400 for one that does not read.
    static func checkUpload(_ request: inout Request, host: String?, session: DashboardSession) async throws -> Result<MultipartForm, Refusal> {
        let contentType = request.headers[.contentType] ?? ""
        let type = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "multipart/form-data", let boundary = MultipartForm.boundary(contentType: contentType) else {
            return .failure(Refusal(
                status: .unsupportedMediaType,
                reason: "Chỉ nhận biểu mẫu có tệp (multipart/form-data). / Only a form with a file is accepted (multipart/form-data), found \(type ?? "none")."))
        }
        guard let host, sameOrigin(request, host: host) else {
            return .failure(Refusal(status: .forbidden, reason: "Yêu cầu không đến từ trang của máy chủ này. / The request did not come from this collector's own pages."))
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: uploadLimit)
        } catch {
            return .failure(Refusal(status: .contentTooLarge, reason: "Tệp quá lớn (tối đa \(uploadLimit / 1024) KiB). / The file is too large (at most \(uploadLimit / 1024) KiB)."))
        }
        guard let form = MultipartForm(Array(body.readableBytesView), boundary: boundary) else {
            return .failure(Refusal(status: .badRequest, reason: "Không đọc được biểu mẫu. / The form could not be read."))
        }
        guard let sent = form["csrf"].map({ String(decoding: $0.content, as: UTF8.self) }), constantTimeEqual(sent, session.formToken) else {
            return .failure(Refusal(
                status: .forbidden, reason: "Biểu mẫu đã cũ hoặc không thuộc phiên đăng nhập này; hãy tải lại trang. / The form is stale or not this session's; reload the page."))
        }
        return .success(form)
    }

    struct Refusal: Error {
        let status: HTTPResponse.Status
        let reason: String
    }
}
