import KioskCore

/// A pushed day that passed every check but the store's own: known kiosk, valid signature,
/// canonical body of the right kiosk and office. The store decides new, identical or conflict.
public struct VerifiedDay: Sendable {
    public let kiosk: KioskRegistration
    public let tallies: DayTallies
    public let body: [UInt8]
    public let hash: String
    public let signature: String
    /// The votes added up per counter, service and question, worked out once per push rather
    /// than in the store's serialized write.
    package let answers: [DayAnswer]

    public init(kiosk: KioskRegistration, tallies: DayTallies, body: [UInt8], hash: String, signature: String) {
        self.kiosk = kiosk
        self.tallies = tallies
        self.body = body
        self.hash = hash
        self.signature = signature
        answers = DayAnswer.of(tallies.votes)
    }
}
