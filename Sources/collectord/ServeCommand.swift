import ArgumentParser
import CollectorHTTP
import CollectorStorage
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the collector's HTTP API.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var key: CollectorKeyOptions

    @Option(name: .long, help: "HOST:PORT to listen on.")
    var listen = "127.0.0.1:8480"

    @OptionGroup var zone: TimeZoneOptions

    @Option(name: .long, help: "The dashboard raises an alert for an office under this % satisfied.")
    var alertBelow = 80.0

    @Option(
        name: .long,
        help: "The address of a reverse proxy in front (repeat for several): only its X-Forwarded-For and X-Forwarded-Proto are believed.")
    var trustedProxy: [String] = []

    func run() async throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
            throw ValidationError("--listen: expected HOST:PORT such as 127.0.0.1:8480, found \"\(listen)\"")
        }
        let clock = try zone.clock()
        let host = String(listen[..<colon])
        let signer = try key.loadForServing(database: storage.database)
        let store = try await CollectorStores.open(storage.database)
        var logger = Logger(label: "collectord")
        logger.logLevel = .notice
        let application = Application(
            router: try CollectorServer(
                store: store, clock: clock, alertBelow: alertBelow, trustedProxies: Set(trustedProxy), calendarSigner: signer
            ).router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "collectord"),
            onServerRunning: { channel in
                FileHandle.standardError.write(Data("collectord: listening on http://\(host):\(channel.localAddress?.port ?? port)/api/v1/, dashboard http://\(host):\(channel.localAddress?.port ?? port)/ (database \(Self.withoutPassword(storage.database)))\n".utf8))
            },
            logger: logger)
        try await application.runService()
    }

    /// A PostgreSQL URL as it may be logged: its password left out.
    static func withoutPassword(_ location: String) -> String {
        guard var components = URLComponents(string: location), components.password != nil else { return location }
        components.password = "***"
        return components.string ?? location
    }
}
