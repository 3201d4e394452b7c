import ArgumentParser
import CollectorCore
import CollectorStorage
import Foundation
import HummingbirdBcrypt

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Dashboard accounts: province admins see every office, district staff their district (each change in the audit trail).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account (or set its password, role and district; a new password ends its sessions); the password is read from standard input.")

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
            let accounts: any StaffStore = try await CollectorStores.open(storage.database)
            try await accounts.saveStaff(StaffAccount(
                name: name, role: role, district: role == .districtStaff ? district ?? "" : "", passwordHash: Bcrypt.hash(password, cost: StaffAccount.passwordCost)),
                by: CommandLineActor.name)
            print("saved \(name) (\(role.rawValue)\(role == .districtStaff ? ", \(district ?? "")" : ""))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts: name, role, district, enabled or disabled.")

        @OptionGroup var storage: StorageOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let accounts = try await CollectorStores.open(storage.database).staffAccounts()
            if json {
                print(ListingJSON.accounts(accounts))
                return
            }
            for account in accounts {
                print("\(account.name)\t\(account.role.rawValue)\t\(account.district)\t\(account.disabled ? "disabled" : "enabled")")
            }
        }
    }

    /// Disables or enables an account, or says there is no such account in the other state (exit 1).
    static func set(_ name: String, disabled: Bool, in storage: StorageOptions) async throws {
        guard try await CollectorStores.open(storage.database).setStaff(named: name, disabled: disabled, by: CommandLineActor.name) else {
            FileHandle.standardError.write(Data("collectord: no \(disabled ? "enabled" : "disabled") account \"\(name)\"\n".utf8))
            throw ExitCode(1)
        }
        print("\(disabled ? "disabled" : "enabled") \(name)")
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it can no longer sign in, and its sessions end at once.")

        @OptionGroup var storage: StorageOptions
        @Argument(help: "The user name.") var name: String

        func run() async throws {
            try await UserCommand.set(name, disabled: true, in: storage)
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")

        @OptionGroup var storage: StorageOptions
        @Argument(help: "The user name.") var name: String

        func run() async throws {
            try await UserCommand.set(name, disabled: false, in: storage)
        }
    }
}
