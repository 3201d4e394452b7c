/// A kiosk the district knows: where it stands (province → district → office) and the public key
/// its sealed days must be signed with. `collectord kiosk list --json` prints these fields.
public struct KioskRegistration: Codable, Sendable, Equatable {
    public var id: String
    public var officeCode: String
    public var officeName: String
    public var district: String
    public var province: String
    /// Base64 of the 32-byte Ed25519 public key (`kioskctl enroll` prints it).
    public var publicKey: String
    /// A revoked kiosk can no longer push; what it sent stays.
    public var revoked: Bool

    public init(
        id: String, officeCode: String, officeName: String, district: String, province: String, publicKey: String,
        revoked: Bool = false
    ) {
        self.id = id
        self.officeCode = officeCode
        self.officeName = officeName
        self.district = district
        self.province = province
        self.publicKey = publicKey
        self.revoked = revoked
    }
}
