import KioskInput

/// A part of the running daemon with a thread or timer of its own. The daemon starts its parts in
/// the order it lists them and stops them in the reverse order, so a part never runs without the
/// parts it publishes to or reads from.
protocol DaemonPart: Sendable {
    func start()
    /// Returns once the part's threads have finished.
    func stop()
}

extension ControlServer: DaemonPart {}
extension PrintSpooler: DaemonPart {}
extension LocalAPIServer: DaemonPart {}
extension StorageWatch: DaemonPart {}
extension InputManager: DaemonPart {}
extension DaySealer: DaemonPart {}
