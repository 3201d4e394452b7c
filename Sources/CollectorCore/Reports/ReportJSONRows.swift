/// The rows of the reports as JSON: figures as numbers, shares and means to one decimal, and a
/// figure that does not exist (no answers, nobody called) left out rather than written as null.
public struct SatisfactionJSONRow: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var answers: Int
    public var satisfied: Int
    public var percentSatisfied: Double?
    public var meanScore: Double?

    public init(_ row: SatisfactionRow) {
        key = row.key
        label = row.label
        answers = row.answers
        satisfied = row.satisfied
        percentSatisfied = row.percentSatisfied.map(ReportJSON.oneDecimal)
        meanScore = row.meanScore.map(ReportJSON.oneDecimal)
    }
}

public struct QueueJSONRow: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var issued: Int
    public var priority: Int
    public var served: Int
    public var noShow: Int
    /// Tickets per waiting-time bucket (`WaitHistogram`).
    public var waitingMinutes: [Int]
    public var noShowRate: Double?
    public var meanWaitMinutes: Double?
    public var p90WaitMinutes: Int?

    public init(_ row: QueueRow) {
        key = row.key
        label = row.label
        issued = row.issued
        priority = row.priority
        served = row.served
        noShow = row.noShow
        waitingMinutes = row.waiting.counts
        noShowRate = row.noShowRate.map(ReportJSON.oneDecimal)
        meanWaitMinutes = row.meanWaitMinutes.map(ReportJSON.oneDecimal)
        p90WaitMinutes = row.p90WaitMinutes
    }
}

public struct SlipJSONRow: Codable, Sendable, Equatable {
    public var procedure: String
    public var count: Int

    public init(procedure: String, count: Int) {
        self.procedure = procedure
        self.count = count
    }
}
