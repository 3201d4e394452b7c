import ArgumentParser
import Foundation
import KioskProtocol
import KioskSeal

/// Creates the kiosk's signing key and prints what the district registers at the collector.
struct EnrollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Create the kiosk's Ed25519 key (mode 0600 in the state directory) and print its public key and fingerprint.",
        discussion: "An existing key is never replaced: the collector knows the kiosk by it.")

    @OptionGroup var office: OfficeOptions

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let context = try OfficeContext(office)
        let path = context.paths.signingKey
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let created = !FileManager.default.fileExists(atPath: path)
        if created {
            try KioskSigningKey.generate().write(to: path)
        }
        let key = try KioskSigningKey(contentsOf: path)
        let kiosk = context.config.sync.kioskID
        if json {
            let report = EnrollmentReport(
                kiosk: kiosk, office: context.config.office.code, publicKey: key.publicKey.base64, fingerprint: key.publicKey.fingerprint,
                keyFile: path, created: created)
            print(ProtocolJSON.encode(report))
            return
        }
        print(created ? "\(Texts.keyCreated): \(path)" : "\(Texts.keyExists): \(path)")
        print("\(Texts.kiosk): \(kiosk) (\(Texts.office): \(context.config.office.code))")
        print("\(Texts.publicKey): \(key.publicKey.base64)")
        print("\(Texts.fingerprint): \(key.publicKey.fingerprint)")
        print(Texts.registerAtCollector)
    }
}
