import CollectorCore

/// How an account change reads in the audit trail (never the password or its hash).
enum StaffChange {
    static func describing(_ account: StaffAccount, before: StaffAccount?) -> String {
        var parts = ["role \(account.role.rawValue)"]
        if account.role == .districtStaff { parts.append("district \(account.district)") }
        if before == nil {
            parts.insert("added", at: 0)
        } else if before?.passwordHash != account.passwordHash {
            parts.append("password changed, sessions ended")
        }
        return parts.joined(separator: "; ")
    }
}
