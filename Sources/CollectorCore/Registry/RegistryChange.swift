/// What registering a kiosk does, decided from the registry as it stands: pure, so that SQLite and
/// PostgreSQL decide alike; each store reads the two rows and applies the decision in one
/// transaction, with its line in the audit trail.
public enum RegistryChange: Sendable, Equatable {
    /// A new kiosk.
    case registered
    /// An active kiosk's registration changed: a new key after it enrolled again, a corrected office.
    case replaced
    /// The same registration again: nothing changed.
    case unchanged
    /// The id is revoked. Registering it again must not bring it back quietly: reinstating is its
    /// own action, with a reason.
    case refusedRevoked
    /// The key is another kiosk's: a key belongs to one kiosk, or one kiosk could push for both.
    case refusedKeyOf(kiosk: String)

    /// - Parameters:
    ///   - existing: the kiosk registered under the same id, if any.
    ///   - keyHolder: the other kiosk (not this id) registered with the same key, if any.
    public static func decide(_ kiosk: KioskRegistration, existing: KioskRegistration?, keyHolder: String?) -> RegistryChange {
        if let keyHolder, keyHolder != kiosk.id { return .refusedKeyOf(kiosk: keyHolder) }
        guard let existing else { return .registered }
        if existing.revoked { return .refusedRevoked }
        var wanted = kiosk
        wanted.revoked = false
        return existing == wanted ? .unchanged : .replaced
    }

    /// Whether the store writes the registration.
    public var writes: Bool { self == .registered || self == .replaced }

    /// What people read about a refusal, Vietnamese first.
    public var refusal: String? {
        switch self {
        case .refusedRevoked:
            "Mã máy này đã bị thu hồi; muốn dùng lại phải khôi phục, ghi rõ lý do. / This kiosk id is revoked; reinstate it, with a reason, to use it again."
        case .refusedKeyOf(let kiosk):
            "Khóa công khai này đã đăng ký cho máy \(kiosk); mỗi khóa chỉ thuộc một máy. / This public key is registered for kiosk \(kiosk); a key belongs to one kiosk."
        case .registered, .replaced, .unchanged:
            nil
        }
    }
}
