import ArgumentParser
import Foundation
import KioskConfigFile
import KioskControl
import KioskCore
import KioskStore

/// The loaded office file, the resolved state paths and the office's clock.
struct OfficeContext {
    let config: OfficeConfig
    let paths: StatePaths

    /// The office's time as kioskd keeps it (its time zone and reset hour), on this machine's clocks.
    var clock: OfficeClock {
        OfficeClock(office: config, wall: { Date() }, monotonic: { ProcessInfo.processInfo.systemUptime })
    }

    init(_ options: OfficeOptions) throws {
        switch OfficeConfigFile.load(path: options.config) {
        case .success(let config):
            self.config = config
            paths = StatePaths(storage: config.storage, stateDirectory: options.stateDir, keyFile: config.sync.keyFile)
        case .failure(let errors):
            FileHandle.standardError.write(Data("kioskctl: \(options.config) is invalid:\n\(errors)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// kioskd's database opened read-only (kioskd may be running); nil before kioskd has ever run.
    func readOnlyStore() throws -> KioskDatabase? {
        FileManager.default.fileExists(atPath: paths.database) ? try KioskDatabase(readOnlyPath: paths.database) : nil
    }
}
