import ArgumentParser
import CollectorKit
import Foundation
import HummingbirdBcrypt

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Dashboard accounts: province admins see every office, district staff their district.",
        subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account (or set its password, role and district); the password is read from standard input.")

        @OptionGroup var storage: StorageOptions
        @Option(help: "The user name.") var name: String
        @Option(help: "province-admin or district-staff.") var role: String
        @Option(help: "The district (district staff only).") var district: String?

        func run() async throws {
            guard let role = StaffAccount.Role(rawValue: role) else {
                throw ValidationError("--role: expected province-admin or district-staff, found \"\(role)\"")
            }
            if role == .districtStaff && (district ?? "").isEmpty { throw ValidationError("--district: district staff need their district") }
            guard let password = readLine(strippingNewline: true), password.count >= 10 else {
                throw ValidationError("the password (on standard input) must have at least 10 characters")
            }
            let store = try await CollectorStores.open(storage.database)
            try await store.saveStaff(StaffAccount(
                name: name, role: role, district: role == .districtStaff ? district ?? "" : "", passwordHash: Bcrypt.hash(password, cost: StaffAccount.passwordCost)))
            print("saved \(name) (\(role.rawValue)\(role == .districtStaff ? ", \(district ?? "")" : ""))")
        }
    }
}
