/// An account as `collectord user list --json` prints it: never its password hash.
public struct StaffAccountJSONRow: Codable, Sendable, Equatable {
    public var name: String
    public var role: StaffAccount.Role
    public var district: String
    public var disabled: Bool

    public init(_ account: StaffAccount) {
        name = account.name
        role = account.role
        district = account.district
        disabled = account.disabled
    }
}
