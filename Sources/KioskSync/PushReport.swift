import KioskCore

/// What a push run did, day by day.
public struct PushReport: Sendable, Equatable {
    public enum DayResult: Sendable, Equatable {
        /// 201: the collector stored it.
        case stored
        /// 200: the collector already had these bytes.
        case alreadyStored
        /// A permanent refusal (401, 403, 409, 413, 422): the collector's reason.
        case refused(status: Int, reason: String)
        /// No answer or a temporary one (5xx, 429) after every attempt.
        case unreachable(String)
    }

    public var results: [(day: LocalDay, result: DayResult)]

    public init(results: [(day: LocalDay, result: DayResult)] = []) {
        self.results = results
    }

    public static func == (lhs: PushReport, rhs: PushReport) -> Bool {
        lhs.results.count == rhs.results.count && zip(lhs.results, rhs.results).allSatisfy { $0.day == $1.day && $0.result == $1.result }
    }

    public var delivered: [LocalDay] {
        results.filter { $0.result == .stored || $0.result == .alreadyStored }.map(\.day)
    }

    /// Everything in the outbox reached the collector.
    public var complete: Bool { results.allSatisfy { $0.result == .stored || $0.result == .alreadyStored } }

    /// Stopped because the collector could not be reached: worth trying again later.
    public var unreachable: Bool {
        results.contains { if case .unreachable = $0.result { true } else { false } }
    }
}
