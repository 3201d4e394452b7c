import Foundation
import Glibc

/// Runs espeak-ng and aplay, for the hall's calls (`Announcer`) and speech mode (`SpeechPlayer`).
struct AudioProgram: Sendable {
    static let espeak = "/usr/bin/espeak-ng"
    static let aplay = "/usr/bin/aplay"
    /// A call or a phrase is some seconds of sound; a program still running after this is stuck
    /// (an audio device that never drains) and is killed, so that what comes next is spoken.
    static let timeLimitSeconds = 60.0

    /// The children's environment; nil: kioskd's own (ALSA reads `$HOME/.asoundrc`).
    var environment: [String: String]? = nil

    /// Runs a program to its end; nil when it went well, else why not. `started` gets the child's
    /// pid as soon as it runs, for whoever may have to kill it. The end is awaited through the
    /// termination handler, not `waitUntilExit()`, which waits on this thread's run loop for
    /// Foundation to say the child ended and can miss it.
    func run(_ command: [String], device: String, started: (pid_t) -> Void = { _ in }) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        let errors: (parent: FileHandle, child: FileHandle)
        do {
            errors = try Self.errorPipe()
        } catch {
            return "cannot run \(command[0]): \(error)"
        }
        process.standardError = errors.child
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            try? errors.child.close()
            return "cannot run \(command[0]): \(error)"
        }
        try? errors.child.close()
        let pid = process.processIdentifier
        started(pid)
        let killer = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeLimitSeconds, execute: killer)
        let message = String(decoding: errors.parent.readDataToEndOfFile(), as: UTF8.self)
        exited.wait()
        killer.cancel()
        guard process.terminationStatus != 0 || process.terminationReason != .exit else { return nil }
        let name = command[0].split(separator: "/").last.map(String.init) ?? command[0]
        if process.terminationReason == .uncaughtSignal {
            return "\(name) was killed by signal \(process.terminationStatus) (device \"\(device)\")"
        }
        let last = message.split(separator: "\n").last.map(String.init) ?? ""
        return "\(name) exited \(process.terminationStatus) (device \"\(device)\"): \(last)"
    }

    /// The child's standard error, close-on-exec from the moment it exists (a socket pair made
    /// with `SOCK_CLOEXEC`): Foundation's `Pipe` is inherited by any child another thread starts
    /// meanwhile (another terminal's aplay), and reading this child's errors to their end would
    /// then wait for that one. The dup2 onto the child's descriptor 2 clears close-on-exec there.
    private static func errorPipe() throws -> (parent: FileHandle, child: FileHandle) {
        var descriptors: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &descriptors) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return (FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true), FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true))
    }
}
