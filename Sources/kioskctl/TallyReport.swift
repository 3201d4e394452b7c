import Foundation
import KioskCore
import KioskProtocol

/// A day's tallies laid out per terminal and question, with the index of each and of the office.
struct TallyReport {
    let config: OfficeConfig
    let day: LocalDay
    let votes: [VoteTally]
    let presses: [PressTally]

    private var terminalIds: [String] {
        var ids = config.terminals.map(\.id)
        for id in Set(votes.map(\.key.terminal) + presses.map(\.terminal)).sorted() where !ids.contains(id) {
            ids.append(id)
        }
        return ids
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f %%", $0) } ?? "–"
    }

    private static func score(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "–"
    }

    func text() -> String {
        var lines = [
            "\(Texts.office): \(config.office.code) — \(config.office.name)",
            "\(Texts.day): \(day)",
        ]
        for terminal in terminalIds {
            let terminalVotes = votes.filter { $0.key.terminal == terminal }
            let counter = config.terminal(id: terminal).flatMap { config.counter(id: $0.counter) }
            lines.append("")
            lines.append("\(Texts.terminal): \(terminal)" + (counter.map { " — \($0.name)" } ?? ""))
            for questionId in questionIds(in: terminalVotes) {
                let question = config.survey.question(id: questionId)
                let questionVotes = terminalVotes.filter { $0.key.question == questionId }
                lines.append("  \(Texts.question): \(question?.text ?? questionId)")
                for (choiceId, label) in choiceLabels(question: question, votes: questionVotes) {
                    let count = questionVotes.filter { $0.key.choice == choiceId }.reduce(0) { $0 + $1.count }
                    lines.append("    " + label.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%6d", count))
                }
            }
            let index = SatisfactionIndex(terminalVotes)
            lines.append(
                "  \(Texts.index): \(Self.percent(index.percentSatisfied)) (\(index.satisfiedAnswers)/\(index.answers) \(Texts.answers)) · \(Texts.meanScore): \(Self.score(index.meanScore))")
            let terminalPresses = presses.filter { $0.terminal == terminal }
            for (title, misuse) in [(Texts.misuse, true), (Texts.ignored, false)] {
                let kinds = RejectedPress.allCases.filter { $0.isMisuse == misuse }
                let parts = kinds.map { kind in
                    "\(Texts.rejected(kind.rawValue)) \(terminalPresses.first { $0.kind == kind }?.count ?? 0)"
                }
                lines.append("  \(title): " + parts.joined(separator: ", "))
            }
        }
        let total = SatisfactionIndex(votes)
        lines.append("")
        lines.append(
            total.answers == 0
                ? "\(Texts.officeTotal): \(Texts.noVotes)"
                : "\(Texts.officeTotal): \(Texts.index) \(Self.percent(total.percentSatisfied)) (\(total.satisfiedAnswers)/\(total.answers)) · \(Texts.meanScore) \(Self.score(total.meanScore))")
        return lines.joined(separator: "\n")
    }

    private func questionIds(in votes: [VoteTally]) -> [String] {
        var ids = config.survey.questions.map(\.id)
        for id in Set(votes.map(\.key.question)).sorted() where !ids.contains(id) { ids.append(id) }
        return ids
    }

    private func choiceLabels(question: Question?, votes: [VoteTally]) -> [(String, String)] {
        var labels = (question?.choices ?? []).map { ($0.id, "\($0.label) / \($0.labelEnglish)") }
        for id in Set(votes.map(\.key.choice)).sorted() where !labels.contains(where: { $0.0 == id }) {
            labels.append((id, id))
        }
        return labels
    }

    func json() -> String {
        let total = SatisfactionIndex(votes)
        let report = DayTallyReport(
            office: config.office.code,
            day: day.description,
            votes: votes.map {
                DayTallyReport.Vote(
                    terminal: $0.key.terminal, counter: $0.key.counter, service: $0.key.service, question: $0.key.question,
                    choice: $0.key.choice, score: $0.key.score, satisfied: $0.key.satisfied, count: $0.count)
            },
            rejected: presses.map { DayTallyReport.Rejected(terminal: $0.terminal, kind: $0.kind.rawValue, count: $0.count) },
            index: DayTallyReport.Index(
                answers: total.answers, satisfied: total.satisfiedAnswers, percentSatisfied: total.percentSatisfied,
                meanScore: total.meanScore))
        return ProtocolJSON.encodePretty(report)
    }
}
