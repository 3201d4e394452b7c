import Foundation
import KioskCore
import KioskProtocol
import KioskSeal
import SealVerification

/// Checks a pushed day and stores it, answering as the HTTP API does: 201 stored (new), 200 the
/// same bytes again, 409 different figures for a day already stored (a tamper alarm is raised),
/// 401 no or unknown kiosk, 403 revoked kiosk or a signature that does not verify, 422 a body
/// that is not a canonical sealed day of this kiosk, figures no kiosk can count, or a day that has
/// not ended in the offices' time zone (with the field and the reason).
/// The size limit (413) is the HTTP layer's: it never reads more than `bodyLimit`.
public struct DayIngestor: Sendable {
    public static let bodyLimit = 1 << 20

    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var body: PushAnswer
    }

    let store: any KioskRegistryStore & DayIngestStore
    /// Today in the offices' time zone: a day is taken only once it has ended there. Today's
    /// figures are not final, and the kiosk's real seal of the day would later look like tampering.
    let today: @Sendable () -> LocalDay
    /// Registrations as last read, so a push does not cost a registry query. The ingest's own
    /// transaction confirms the registration (`IngestOutcome.registrationChanged`), so a kiosk
    /// revoked or registered again, even by another process, is refused or accepted at once.
    let registrations = RegistrationCache()
    /// Signature checks and decoding: a core's worth fewer threads than the machine has, at a
    /// lower priority than the writer.
    let checks = CheckThreads()

    public init(store: any KioskRegistryStore & DayIngestStore, today: @escaping @Sendable () -> LocalDay) {
        self.store = store
        self.today = today
    }

    public func ingest(kioskID: String?, signature: String?, body: [UInt8]) async throws -> Answer {
        guard let kioskID, !kioskID.isEmpty else { return Self.refuse(401, "missing the Kiosk-Id header") }
        if let cached = registrations[kioskID] {
            let answer = try await ingest(kiosk: cached, signature: signature, body: body)
            // A refusal or a changed registration may come from a stale entry: decide on the registry's word.
            guard answer == nil || [403, 422].contains(answer!.status) else { return answer! }
        }
        let current = try await store.kiosk(id: kioskID)
        registrations[kioskID] = current
        guard let current else {
            return Self.refuse(401, "unknown kiosk \"\(kioskID)\": district staff register it with its public key first")
        }
        return try await ingest(kiosk: current, signature: signature, body: body)
            ?? Self.refuse(503, "kiosk \"\(kioskID)\"'s registration is being changed; push again")
    }

    /// The answer for a push checked against `kiosk`'s registration; nil when the store found that
    /// registration changed in the meantime.
    private func ingest(kiosk: KioskRegistration, signature: String?, body: [UInt8]) async throws -> Answer? {
        let kioskID = kiosk.id
        guard !kiosk.revoked else { return Self.refuse(403, "kiosk \"\(kioskID)\" is revoked") }
        guard let signature, !signature.isEmpty else { return Self.refuse(401, "missing the Kiosk-Signature header") }
        let checked: Checked = await checks.run {
            guard let key = KioskPublicKey(base64: kiosk.publicKey), SealVerifier(key).verifies(signature, of: body) else {
                return .refused(Self.refuse(403, "the signature does not verify with kiosk \"\(kioskID)\"'s registered key"))
            }
            do throws(DayTalliesError) {
                return .day(try DayTallies(canonicalBytes: body))
            } catch {
                return .refused(Self.refuse(422, error.reason, field: error.path))
            }
        }
        let tallies: DayTallies
        switch checked {
        case .day(let decoded): tallies = decoded
        case .refused(let refusal): return refusal
        }
        guard tallies.kiosk == kiosk.id else {
            return Self.refuse(422, "the day is kiosk \"\(tallies.kiosk)\"'s, the request says \"\(kiosk.id)\"", field: "kiosk")
        }
        guard tallies.office == kiosk.officeCode else {
            return Self.refuse(
                422, "kiosk \"\(kiosk.id)\" is registered at office \"\(kiosk.officeCode)\", the day says \"\(tallies.office)\"", field: "office")
        }
        let today = self.today()
        guard tallies.day < today else {
            return Self.refuse(422, "\(tallies.day) has not ended yet in the offices' time zone (today is \(today) there)", field: "day")
        }
        let hash = SealHash.hex(of: body)
        let verified = VerifiedDay(kiosk: kiosk, tallies: tallies, body: body, hash: hash, signature: signature)
        switch try await store.ingest(verified) {
        case .stored(let link):
            return Answer(status: 201, body: PushAnswer(status: .stored, day: tallies.day.description, hash: hash, link: link.rawValue))
        case .identical:
            return Answer(status: 200, body: PushAnswer(status: .alreadyStored, day: tallies.day.description, hash: hash))
        case .registrationChanged:
            return nil
        case .conflict(let storedHash):
            return Answer(
                status: 409,
                body: PushAnswer(
                    day: tallies.day.description, storedHash: storedHash,
                    error: "\(tallies.day) is already stored with other figures (SHA-256 \(storedHash)); this push is refused and recorded as a tamper alarm"))
        }
    }

    private enum Checked {
        case day(DayTallies)
        case refused(Answer)
    }

    static func refuse(_ status: Int, _ reason: String, field: String? = nil) -> Answer {
        Answer(status: status, body: PushAnswer(error: reason, field: field?.isEmpty == false ? field : nil))
    }
}
