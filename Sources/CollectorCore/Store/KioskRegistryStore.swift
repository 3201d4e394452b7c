/// The kiosks a collector accepts pushes from: registered, replaced, revoked and reinstated, each
/// change in the audit trail in the same transaction.
public protocol KioskRegistryStore: Sendable {
    /// Adds a kiosk, or replaces an active kiosk's registration (a new key after re-enrolling, a
    /// corrected office), as `RegistryChange.decide` says; a revoked id or another kiosk's key is
    /// refused. `actor` goes in the audit trail.
    func register(_ kiosk: KioskRegistration, by actor: String) async throws -> RegistryChange
    func kiosk(id: String) async throws -> KioskRegistration?
    func kiosks() async throws -> [KioskRegistration]
    /// Returns false when no such active kiosk is registered.
    func revoke(kiosk id: String, by actor: String, reason: String) async throws -> Bool
    /// Lets a revoked kiosk push again; false when no such revoked kiosk is registered.
    func reinstate(kiosk id: String, by actor: String, reason: String) async throws -> Bool
}
