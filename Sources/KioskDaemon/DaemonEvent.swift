import Foundation

/// What the daemon tells local listeners (screens, `kioskctl watch`) through the control socket.
///
/// A vote event says that an answer counted, never which answer: the screen only needs to say
/// thank you, and a stream of (time, choice) pairs is what anonymity forbids.
public enum DaemonEvent: Sendable, Equatable {
    case voteCounted(terminal: String, question: String, questionIndex: Int, completesRating: Bool)
    case pressRejected(terminal: String, kind: String)
    case armed(terminal: String, windowSeconds: Double)
    case deviceConnected(path: String, role: String)
    case deviceDisconnected(path: String, role: String, reason: String)

    public var json: String {
        let fields: [String: Any]
        switch self {
        case .voteCounted(let terminal, let question, let index, let completes):
            fields = ["event": "vote-counted", "terminal": terminal, "question": question, "questionIndex": index, "completesRating": completes]
        case .pressRejected(let terminal, let kind):
            fields = ["event": "press-rejected", "terminal": terminal, "kind": kind]
        case .armed(let terminal, let window):
            fields = ["event": "armed", "terminal": terminal, "windowSeconds": window]
        case .deviceConnected(let path, let role):
            fields = ["event": "device-connected", "path": path, "role": role]
        case .deviceDisconnected(let path, let role, let reason):
            fields = ["event": "device-disconnected", "path": path, "role": role, "reason": reason]
        }
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
