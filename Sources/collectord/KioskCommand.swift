import ArgumentParser
import CollectorCore
import CollectorStorage
import Foundation
import KioskSeal
import SealVerification

struct KioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk", abstract: "The registry of kiosks: add, list, revoke, reinstate (each in the audit trail).",
        subcommands: [Add.self, List.self, Revoke.self, Reinstate.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a kiosk (or replace an active kiosk's registration) with its public key; a revoked id or another kiosk's key is refused.")

        @OptionGroup var storage: StorageOptions
        @Option(help: "The kiosk id ([sync] kiosk_id on the kiosk).") var id: String
        @Option(help: "The office code.") var officeCode: String
        @Option(help: "The office's name.") var officeName: String
        @Option(help: "The district.") var district: String
        @Option(help: "The province.") var province: String
        @Option(help: "The kiosk's public key, base64, as `kioskctl enroll` prints it.") var publicKey: String

        func run() async throws {
            guard let key = KioskPublicKey(base64: publicKey), SealVerifier(key).isUsable else {
                throw ValidationError("--public-key: expected the base64 Ed25519 public key of 32 bytes that `kioskctl enroll` prints (a point of the curve's prime-order group)")
            }
            let registry: any KioskRegistryStore = try await CollectorStores.open(storage.database)
            let change = try await registry.register(
                KioskRegistration(
                    id: id, officeCode: officeCode, officeName: officeName, district: district, province: province, publicKey: key.base64),
                by: CommandLineActor.name)
            if let refusal = change.refusal {
                FileHandle.standardError.write(Data("collectord: \(refusal)\n".utf8))
                throw ExitCode(1)
            }
            let done = change == .unchanged ? "already registered" : change == .replaced ? "replaced the registration of" : "registered"
            print("\(done) \(id) (\(officeName), \(district), \(province)); fingerprint \(key.fingerprint)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered kiosks.")

        @OptionGroup var storage: StorageOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let kiosks = try await CollectorStores.open(storage.database).kiosks()
            if json {
                print(ListingJSON.kiosks(kiosks))
                return
            }
            for kiosk in kiosks {
                print("\(kiosk.id)\t\(kiosk.officeCode)\t\(kiosk.officeName)\t\(kiosk.district)\t\(kiosk.province)\t\(kiosk.revoked ? "revoked" : "active")")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a kiosk: it can no longer push; what it sent stays.")

        @OptionGroup var storage: StorageOptions
        @Argument(help: "The kiosk id.") var id: String
        @Option(help: "Why, for the audit trail.") var reason = ""

        func run() async throws {
            guard try await CollectorStores.open(storage.database).revoke(kiosk: id, by: CommandLineActor.name, reason: reason) else {
                FileHandle.standardError.write(Data("collectord: no active kiosk \"\(id)\" is registered\n".utf8))
                throw ExitCode(1)
            }
            print("revoked \(id)")
        }
    }

    struct Reinstate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a revoked kiosk push again, with the reason (for the audit trail).")

        @OptionGroup var storage: StorageOptions
        @Argument(help: "The kiosk id.") var id: String
        @Option(help: "Why it may push again (required).") var reason: String

        func run() async throws {
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw ValidationError("--reason: say why the kiosk may push again") }
            guard try await CollectorStores.open(storage.database).reinstate(kiosk: id, by: CommandLineActor.name, reason: reason) else {
                FileHandle.standardError.write(Data("collectord: no revoked kiosk \"\(id)\" is registered\n".utf8))
                throw ExitCode(1)
            }
            print("reinstated \(id)")
        }
    }
}
