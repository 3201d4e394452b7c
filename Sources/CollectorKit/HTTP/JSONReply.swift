import KioskCore

/// The API's small JSON answers (string fields only), written by the sealed day's canonical
/// encoder (keys sorted, minimal escaping): JSONSerialization cost more than the rest of
/// answering a push.
enum JSONReply {
    static func text(_ object: [String: String]) -> String {
        String(decoding: CanonicalJSONEncoder.encode(.object(object.map { ($0.key, .string($0.value)) })), as: UTF8.self) + "\n"
    }
}
