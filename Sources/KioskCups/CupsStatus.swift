/// A CUPS job's state (IPP job-state) and its reasons.
public struct JobStatus: Sendable, Equatable {
    public var id: Int32
    public var state: State
    public var reasons: [String]
    /// `job-name`: the title it was created with.
    public var name: String
    /// `number-of-documents`: 0 until Send-Document has completed.
    public var documents: Int
    /// `job-printer-state-reasons`: the printer's reasons as the job last saw them (kept with a
    /// job that ended, when the printer's own may have changed since).
    public var printerReasons: [String]

    public init(id: Int32, state: State, reasons: [String] = [], name: String = "", documents: Int = 1, printerReasons: [String] = []) {
        self.id = id
        self.state = state
        self.reasons = reasons
        self.name = name
        self.documents = documents
        self.printerReasons = printerReasons
    }

    public enum State: Int32, Sendable {
        case pending = 3, held = 4, processing = 5, stopped = 6, canceled = 7, aborted = 8, completed = 9

        public var isFinal: Bool { rawValue >= 7 }
    }
}

/// A CUPS queue's state (IPP printer-state, printer-state-reasons, printer-is-accepting-jobs).
public struct PrinterStatus: Sendable, Equatable {
    public var state: State
    /// Keywords such as `media-empty-error`, `paused`; "none" is left out.
    public var reasons: [String]
    public var accepting: Bool
    public var message: String

    public enum State: Int32, Sendable {
        case idle = 3, processing = 4, stopped = 5
    }

    public init(state: State, reasons: [String] = [], accepting: Bool = true, message: String = "") {
        self.state = state
        self.reasons = reasons
        self.accepting = accepting
        self.message = message
    }

    /// What is wrong, if anything, most serious first.
    public var conditions: [PrinterCondition] {
        var found = PrinterCondition.reported(by: reasons)
        if state == .stopped && !found.contains(.stopped) { found.append(.stopped) }
        if !accepting { found.append(.notAccepting) }
        return found
    }
}

/// Why a printer cannot print now, in words a citizen and a counter officer understand.
public enum PrinterCondition: String, Sendable, Equatable, CaseIterable {
    case outOfPaper = "out-of-paper"
    case paperJam = "paper-jam"
    case coverOpen = "cover-open"
    case offline
    case stopped
    case notAccepting = "not-accepting"

    /// The conditions that printer-state-reasons keywords report (any severity suffix:
    /// `-error`, `-warning`, `-report`), most serious first.
    public static func reported(by reasons: [String]) -> [PrinterCondition] {
        var found: [PrinterCondition] = []
        func has(_ prefix: String) -> Bool { reasons.contains { $0.hasPrefix(prefix) } }
        if has("media-empty") || has("media-needed") { found.append(.outOfPaper) }
        if has("media-jam") { found.append(.paperJam) }
        if has("cover-open") || has("door-open") { found.append(.coverOpen) }
        if has("offline") || has("connecting-to-device") || has("timed-out") || has("shutdown") { found.append(.offline) }
        if has("paused") { found.append(.stopped) }
        return found
    }
}
