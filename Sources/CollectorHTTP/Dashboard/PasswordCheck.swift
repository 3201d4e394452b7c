import CollectorCore
import Foundation
import HummingbirdBcrypt

/// Checks a sign-in's password with bcrypt, off the server's threads (one check takes a quarter
/// of a second by design), and at the same cost whether or not the name exists: an unknown name
/// is checked against a decoy hash, so the time of the answer does not tell which names are real.
enum PasswordCheck {
    /// A hash of a random password no one knows, at the accounts' cost.
    static let decoyHash: String = {
        let random = (0..<32).map { _ in String(UInt8.random(in: 0...255), radix: 16) }.joined()
        return Bcrypt.hash(random, cost: StaffAccount.passwordCost)
    }()

    /// True only when `account` exists, is not disabled, and `password` is its password (a disabled
    /// account is checked all the same, so its answer takes as long as any other).
    static func verify(_ password: String, of account: StaffAccount?) async -> Bool {
        let hash = account?.passwordHash ?? decoyHash
        let matches = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
        return matches && account.map { !$0.disabled } == true
    }
}
