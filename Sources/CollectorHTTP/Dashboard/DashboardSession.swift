import CollectorCore
import Foundation
import KioskSeal

/// A signed-in person and their session's form token: every state-changing form of the session
/// carries the token, which is derived from the session's secret cookie (so another site, which
/// cannot read the cookie, cannot make it). The account's fields read through.
@dynamicMemberLookup
struct DashboardSession: Sendable {
    let account: StaffAccount
    /// What the session's forms send back in the `csrf` field.
    let formToken: String

    init(account: StaffAccount, sessionToken: String) {
        self.account = account
        formToken = Self.formToken(for: sessionToken)
    }

    subscript<Value>(dynamicMember keyPath: KeyPath<StaffAccount, Value>) -> Value { account[keyPath: keyPath] }

    static func formToken(for sessionToken: String) -> String {
        SealHash.hex(of: Array("form-token:\(sessionToken)".utf8))
    }
}
