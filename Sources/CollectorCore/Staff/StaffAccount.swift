/// A person who reads the dashboard. A province admin sees every office; district staff see
/// their district only, by page and by CSV. Kiosk keys can only push; they never log in.
public struct StaffAccount: Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case provinceAdmin = "province-admin"
        case districtStaff = "district-staff"
    }

    public var name: String
    public var role: Role
    /// For district staff, the district they may read; "" for a province admin.
    public var district: String
    /// bcrypt (HummingbirdBcrypt), never the password.
    public var passwordHash: String
    /// A disabled account cannot sign in, and its sessions are ended.
    public var disabled: Bool
    /// bcrypt's cost for every account's password, and for the decoy an unknown name is checked
    /// against (so that a wrong name costs what a wrong password does).
    public static let passwordCost: UInt8 = 12

    public init(name: String, role: Role, district: String, passwordHash: String, disabled: Bool = false) {
        self.name = name
        self.role = role
        self.district = district
        self.passwordHash = passwordHash
        self.disabled = disabled
    }

    /// The district every query of this person is limited to, nil for all.
    public var districtLimit: String? { role == .districtStaff ? district : nil }
}
