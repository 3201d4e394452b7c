import Foundation
import KioskProtocol

/// The calendars fetched from the collector, in the state directory (`calendar/YYYY.toml`), each
/// with its stamp beside it (`YYYY.sig.json`: year, version, hash, signature) so that an older
/// version can be refused later. kioskd reads only the `.toml` files.
public struct CalendarShelf: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `<state directory>/calendar`.
    public init(stateDirectory: String) {
        self.init(directory: URL(fileURLWithPath: stateDirectory).appendingPathComponent("calendar").path)
    }

    public func tomlPath(year: Int) -> String { path("\(year).toml") }
    public func stampPath(year: Int) -> String { path("\(year).sig.json") }

    /// The stamps of the installed files, oldest year first. A stamp that does not read, or whose
    /// `.toml` is missing, counts as nothing installed (the next fetch brings the file again).
    public func stamps() -> [CalendarStamp] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".sig.json") }.compactMap { name in
            guard let year = Int(name.dropLast(".sig.json".count)) else { return nil }
            return stamp(year: year)
        }.sorted { $0.year < $1.year }
    }

    public func stamp(year: Int) -> CalendarStamp? {
        guard FileManager.default.fileExists(atPath: tomlPath(year: year)),
            let data = FileManager.default.contents(atPath: stampPath(year: year)),
            let stamp = try? ProtocolJSON.decode(CalendarStamp.self, from: data), stamp.year == year
        else { return nil }
        return stamp
    }

    /// Writes the text, then its stamp, each to a temporary file that is synced and renamed over
    /// the old one, then syncs the directory. The text goes first: after a crash between the two,
    /// the old stamp makes the next fetch bring this version again, never the other way round.
    public func install(_ calendar: SignedCalendar) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try AtomicFile.write(Array(calendar.toml.utf8), to: tomlPath(year: calendar.year))
        try AtomicFile.write(Array((ProtocolJSON.encodePretty(calendar.stamp) + "\n").utf8), to: stampPath(year: calendar.year))
        try AtomicFile.syncDirectory(directory)
    }

    private func path(_ name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }
}
