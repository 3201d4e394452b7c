import Foundation

/// Who runs a collectord command, for the audit trail: the Unix user (the one behind sudo, when
/// there is one).
enum CommandLineActor {
    static var name: String {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "uid \(getuid())"
        return "cli:" + user
    }
}
