import Foundation
import KioskCore
import KioskStore

/// The demo's sample history: ratings for the week before today, generated (not recorded), so that
/// the demo has finished days for kioskd to seal and push. A real kiosk only seals what it counted.
enum DemoHistory {
    static let days = 7

    /// Writes the votes into the demo's (new) state database; returns the days written.
    static func write(database: String, timeZone: TimeZone) throws -> [(day: LocalDay, votes: Int)] {
        let store = try KioskDatabase(path: database)
        defer { try? store.close() }
        let choices = SurveyPresets.single.questions[0].choices
        let today = LocalDay(Date(), in: timeZone)
        var written: [(LocalDay, Int)] = []
        for daysAgo in (1...days).reversed() {
            let day = today.adding(days: -daysAgo)!
            guard day.weekday != .sunday else { continue }  // the office is closed on Sundays
            var total = 0
            for (counterIndex, counter) in ["quay-1", "quay-2"].enumerated() {
                // A fixed pattern per day and counter: mostly satisfied, some not.
                for (choiceIndex, choice) in choices.enumerated() {
                    let count = max(0, 9 - choiceIndex * 3 + (daysAgo + counterIndex + choiceIndex) % 3)
                    let key = VoteKey(
                        day: day, terminal: "\(counter)-danh-gia", counter: counter, service: "", question: "chung", choice: choice.id,
                        score: choice.score, satisfied: choice.satisfied)
                    for _ in 0..<count { try store.record(vote: key) }
                    total += count
                }
            }
            written.append((day, total))
        }
        return written
    }
}
