import ArgumentParser

/// Prints the collector's public key: what every office file names as `[sync] collector_key`.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the collector's public key (base64) for the kiosks' office files ([sync] collector_key); creates the key on first use.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var key: CollectorKeyOptions
    @Flag(help: "Also print the key's fingerprint and file.") var verbose = false

    func run() throws {
        let signing = try key.load(database: storage.database)
        print(signing.publicKey.base64)
        if verbose {
            print("fingerprint \(signing.publicKey.fingerprint)")
            print("file \(key.path(database: storage.database))")
        }
    }
}
