import ArgumentParser
import Foundation
import KioskConfigFile
import KioskCore
import KioskControl
import KioskStore

/// The loaded office file and the resolved state paths.
struct OfficeContext {
    let config: OfficeConfig
    let paths: StatePaths

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
