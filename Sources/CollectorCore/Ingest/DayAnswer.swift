import KioskCore

/// A day's votes added up per counter, service and question: what `day_answer` stores and what
/// the reports and the rollups read. The choices themselves stay in the sealed body.
package struct DayAnswer: Sendable {
    package var counter: String
    package var service: String
    package var question: String
    package var sums = RollupDelta.VoteSums()

    /// The day's answers in the order of its votes' first appearance. A canonical day lists its
    /// votes by counter, service and question already, so each vote usually joins the last group.
    static func of(_ votes: [DayTallies.Votes]) -> [DayAnswer] {
        var answers: [DayAnswer] = []
        for vote in votes {
            if let last = answers.indices.last, answers[last].holds(vote) {
                answers[last].sums.add(vote)
            } else if let index = answers.firstIndex(where: { $0.holds(vote) }) {
                answers[index].sums.add(vote)
            } else {
                var answer = DayAnswer(counter: vote.counter, service: vote.service, question: vote.question)
                answer.sums.add(vote)
                answers.append(answer)
            }
        }
        return answers
    }

    private func holds(_ vote: DayTallies.Votes) -> Bool {
        counter == vote.counter && service == vote.service && question == vote.question
    }
}
