/// Why a press counted as nothing, as events and the press tally name it.
public enum PressRejection: String, Codable, Sendable, CaseIterable {
    /// Misuse: pressed during the lockout after a rating (`free` policy).
    case duringLockout = "misuse-lockout"
    /// Misuse: pressed while the terminal was not armed (`armed` policy).
    case whileUnarmed = "misuse-unarmed"
    /// Not a press: shorter than the minimum (a phantom tap).
    case tooShort = "ignored-short"
    /// Not a press: longer than the maximum (a stuck or resting touch).
    case tooLong = "ignored-long"
    /// Not a press: outside every zone.
    case outsideZones = "ignored-outside"
    /// Not a press: cut by an overflow of the kernel's event buffer (SYN_DROPPED).
    case lostToOverflow = "ignored-overflow"
    /// A second ticket asked for within the ticket terminal's lockout (a double tap): no ticket,
    /// and not counted in the tally, which counts the rating terminals' presses only.
    case ticketLockout = "ticket-lockout"
}
