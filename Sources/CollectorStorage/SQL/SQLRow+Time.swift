import CollectorCore
import Foundation

extension SQLRow {
    /// A time column (`CollectorTime`); a row whose time does not read is an error, not a guess.
    func time(_ column: String) throws -> Date {
        let text = try text(column)
        guard let date = CollectorTime.date(text) else { throw CollectorStoreError("\(column): not an ISO 8601 time: \"\(text)\"") }
        return date
    }
}
