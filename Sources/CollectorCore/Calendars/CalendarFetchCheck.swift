import Foundation
import KioskProtocol
import KioskSeal
import SealVerification

/// Answers a kiosk's `CalendarFetch`, checked as a push is: 401 without or with an unknown
/// `Kiosk-Id`, or without a signature; 403 a revoked kiosk, a signature that does not verify with
/// its registered key, or a `Kiosk-Time` more than `CalendarFetch.allowedSkew` from the collector's;
/// 422 a `have` that does not read. Otherwise 200 with the newer files (`CalendarOfferPlan`), and
/// what the kiosk has is recorded for the dashboard.
public struct CalendarFetchCheck: Sendable {
    public enum Answer: Sendable, Equatable {
        case offer(CalendarOffer)
        case refused(status: Int, PushAnswer)
    }

    let registry: any KioskRegistryStore
    let calendars: any CalendarStore
    let now: @Sendable () -> Date

    public init(registry: any KioskRegistryStore, calendars: any CalendarStore, now: @escaping @Sendable () -> Date) {
        self.registry = registry
        self.calendars = calendars
        self.now = now
    }

    public func answer(kioskID: String?, signature: String?, time: String?, have: String) async throws -> Answer {
        guard let kioskID, !kioskID.isEmpty else { return Self.refuse(401, "missing the \(PushAnswer.Header.kioskID) header") }
        guard let signature, !signature.isEmpty else { return Self.refuse(401, "missing the \(PushAnswer.Header.signature) header") }
        guard let kiosk = try await registry.kiosk(id: kioskID) else {
            return Self.refuse(401, "unknown kiosk \"\(kioskID)\": district staff register it with its public key first")
        }
        guard !kiosk.revoked else { return Self.refuse(403, "kiosk \"\(kioskID)\" is revoked") }
        guard let time, let sent = CollectorTime.date(time) else {
            return Self.refuse(403, "missing or unreadable \(CalendarFetch.Header.time) header (ISO 8601 UTC expected)")
        }
        let message = CalendarFetch.message(kioskID: kioskID, time: time, have: have)
        guard let key = KioskPublicKey(base64: kiosk.publicKey), SealVerifier(key).verifies(signature, of: message) else {
            return Self.refuse(403, "the signature does not verify with kiosk \"\(kioskID)\"'s registered key")
        }
        let now = now()
        guard abs(sent.timeIntervalSince(now)) <= CalendarFetch.allowedSkew else {
            return Self.refuse(
                403, "the request's time \(time) is more than \(Int(CalendarFetch.allowedSkew / 60)) minutes from the collector's (\(CollectorTime.text(now))): check the kiosk's clock")
        }
        guard let holdings = CalendarFetch.holdings(have: have) else {
            return Self.refuse(422, "expected have=YEAR.VERSION,… with each year once, found \"\(have)\"")
        }
        try await calendars.recordCalendarHoldings(kiosk: kioskID, holdings, at: now)
        return .offer(CalendarOffer(calendars: CalendarOfferPlan.offer(latest: try await calendars.latestCalendars(), have: holdings)))
    }

    static func refuse(_ status: Int, _ reason: String) -> Answer {
        .refused(status: status, PushAnswer(error: reason))
    }
}
