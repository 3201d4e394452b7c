import Synchronization

/// The kiosk registrations the ingest last read, by kiosk id. Safe to use stale: every ingest
/// transaction confirms the registration it was checked against, and a refusal that came from a
/// cached registration is checked again against the registry before it is answered.
final class RegistrationCache: Sendable {
    private let entries = Mutex<[String: KioskRegistration]>([:])

    subscript(_ id: String) -> KioskRegistration? {
        get { entries.withLock { $0[id] } }
        set { entries.withLock { $0[id] = newValue } }
    }
}
