/// A queue ticket's number as printed and called: the service's letter and its number of the
/// day, at least three digits (A001, B042, A1000).
public struct TicketNumber: Sendable, Hashable, CustomStringConvertible {
    public let letter: String
    public let number: Int

    public init(letter: String, number: Int) {
        precondition(number > 0, "ticket numbers start at 1")
        self.letter = letter
        self.number = number
    }

    public var description: String {
        let digits = String(number)
        return letter + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
