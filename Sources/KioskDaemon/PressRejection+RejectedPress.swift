import KioskCore
import KioskProtocol

extension PressRejection {
    /// The event's name for a press the tally counts as rejected.
    init(_ kind: RejectedPress) {
        self =
            switch kind {
            case .duringLockout: .duringLockout
            case .whileUnarmed: .whileUnarmed
            case .tooShort: .tooShort
            case .tooLong: .tooLong
            case .outsideZones: .outsideZones
            case .lostToOverflow: .lostToOverflow
            }
    }
}
