import CollectorCore
import KioskSeal

/// The kiosk registry's page: every kiosk with its key's fingerprint, the register form (filled
/// in again with what was sent when it was refused), a notice of the last change or the reason it failed.
struct KioskAdminPage: DashboardPage {
    struct Kiosk {
        let id: String
        let officeCode: String
        let officeName: String
        let district: String
        let province: String
        let fingerprint: String
        let revoked: Bool
        /// `active` or `revoked`, for the row's `data-status`.
        let status: String

        init(_ kiosk: KioskRegistration) {
            id = kiosk.id
            officeCode = kiosk.officeCode
            officeName = kiosk.officeName
            district = kiosk.district
            province = kiosk.province
            fingerprint = KioskPublicKey(base64: kiosk.publicKey)?.fingerprint ?? "?"
            revoked = kiosk.revoked
            status = kiosk.revoked ? "revoked" : "active"
        }
    }

    let title = "Máy kiosk"
    var user: String
    var kiosks: [Kiosk]
    /// The register form's fields by name.
    var form: [String: String]
    var notice: String?
    var error: String?
    var csrf: String?
}
