/// The rules a sealed day's figures keep with one another, beyond each field's own range: what a
/// kiosk counts cannot break them (each ticket is issued once, then served or missed at most once;
/// a press that was not a vote has one of the known kinds), so a day that breaks one is refused,
/// naming the field. Written in docs/SEALED-DAY.md.
extension DayTallies {
    /// The kinds of `presses`: a press that was not a vote.
    public static let pressKinds: Set<String> = Set(RejectedPress.allCases.map(\.rawValue))

    /// Throws for the first figure that breaks a rule (`init(canonicalBytes:)` checks this after the
    /// encoding's own rules).
    public func checkFigures() throws(DayTalliesError) {
        for (index, row) in presses.enumerated() where !Self.pressKinds.contains(row.kind) {
            throw DayTalliesError(
                path: "presses[\(index)].kind", reason: "expected one of \(Self.pressKinds.sorted().joined(separator: ", ")), found an unknown kind")
        }
        for (index, row) in tickets.enumerated() {
            let path = "tickets[\(index)]"
            guard row.priority <= row.issued else {
                throw DayTalliesError(path: path + ".priority", reason: "\(row.priority) priority tickets, more than the \(row.issued) issued")
            }
            guard row.served + row.noShow <= row.issued else {
                throw DayTalliesError(
                    path: path + ".served", reason: "\(row.served) served and \(row.noShow) not present, more than the \(row.issued) issued")
            }
            guard row.waiting.total <= row.issued else {
                throw DayTalliesError(path: path + ".waiting_minutes", reason: "\(row.waiting.total) waits, more than the \(row.issued) tickets issued")
            }
            guard row.serviceTime.total <= row.served else {
                throw DayTalliesError(
                    path: path + ".service_minutes", reason: "\(row.serviceTime.total) service times, more than the \(row.served) tickets served")
            }
        }
    }
}
