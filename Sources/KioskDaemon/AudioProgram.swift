import Foundation
import Glibc

/// Runs espeak-ng and aplay, for the hall's calls (`Announcer`) and speech mode (`SpeechPlayer`).
struct AudioProgram: Sendable {
    static let espeak = find("espeak-ng")
    static let aplay = find("aplay")
    /// A call or a phrase is some seconds of sound; a program still running after this is stuck
    /// (an audio device that never drains) and is killed, so that what comes next is spoken.
    static let timeLimitSeconds = 60.0

    /// The program of that name on kioskd's PATH (as a shell would find it), else in /usr/bin,
    /// where Debian's packages put it (a missing one is then named in the warning).
    static func find(_ name: String) -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where directory.hasPrefix("/") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/\(name)"
    }

    /// The children's environment; nil: kioskd's own (ALSA reads `$HOME/.asoundrc`).
    var environment: [String: String]? = nil

    /// Runs a program to its end; nil when it went well, else why not.
    func run(_ command: [String], device: String, started: ([pid_t]) -> Void = { _ in }) -> String? {
        run(pipeline: [command], device: device, started: started)
    }

    /// Runs programs each writing into the next one's input (espeak-ng's words as they are
    /// synthesized into aplay) to their end; nil when they all went well, else why not: the first
    /// program's own failure, or the one it caused after it (aplay refused the device, then
    /// espeak-ng wrote into a closed pipe). `started` gets the children's pids as soon as they all
    /// run, for whoever may have to kill them. The end is awaited through the termination handler,
    /// not `waitUntilExit()`, which waits on this thread's run loop for Foundation to say the child
    /// ended and can miss it.
    func run(pipeline commands: [[String]], device: String, started: ([pid_t]) -> Void = { _ in }) -> String? {
        var running: [(process: Process, exited: DispatchSemaphore, errors: FileHandle)] = []
        var input: FileHandle?
        var problem: String?
        for (index, command) in commands.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            if let environment { process.environment = environment }
            if let input { process.standardInput = input }
            let errors: (parent: FileHandle, child: FileHandle), output: (parent: FileHandle, child: FileHandle)?
            do {
                errors = try Self.socketPair()
                output = index < commands.count - 1 ? try Self.socketPair() : nil
            } catch {
                problem = "cannot run \(command[0]): \(error)"
                break
            }
            process.standardOutput = output?.child ?? FileHandle.nullDevice
            process.standardError = errors.child
            let exited = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in exited.signal() }
            do {
                try process.run()
            } catch {
                problem = "cannot run \(command[0]): \(error)"
                break
            }
            // The children hold these now; the parent's copies would keep the reader from the end of its input.
            try? errors.child.close()
            try? output?.child.close()
            try? input?.close()
            input = output?.parent
            running.append((process, exited, errors.parent))
        }
        try? input?.close()
        if problem != nil {
            for child in running { kill(child.process.processIdentifier, SIGKILL) }
        }
        let pids = running.map(\.process.processIdentifier)
        started(pids)
        let killer = DispatchWorkItem { for pid in pids { kill(pid, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeLimitSeconds, execute: killer)
        var failures: [(signal: Int32?, text: String)] = []
        for (command, child) in zip(commands, running) {
            let message = String(decoding: child.errors.readDataToEndOfFile(), as: UTF8.self)
            child.exited.wait()
            let status = child.process.terminationStatus
            let name = command[0].split(separator: "/").last.map(String.init) ?? command[0]
            if child.process.terminationReason == .uncaughtSignal {
                failures.append((status, "\(name) was killed by signal \(status) (device \"\(device)\")"))
            } else if status != 0 {
                let last = message.split(separator: "\n").last.map(String.init) ?? ""
                failures.append((nil, "\(name) exited \(status) (device \"\(device)\"): \(last)"))
            }
        }
        killer.cancel()
        return problem ?? (failures.first { $0.signal != SIGPIPE } ?? failures.first)?.text
    }

    /// A child's standard stream, close-on-exec from the moment it exists (a socket pair made
    /// with `SOCK_CLOEXEC`): Foundation's `Pipe` is inherited by any child another thread starts
    /// meanwhile (another terminal's aplay), and reading to its end would then wait for that one.
    /// The dup2 onto the child's descriptor 0, 1 or 2 clears close-on-exec there.
    private static func socketPair() throws -> (parent: FileHandle, child: FileHandle) {
        var descriptors: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &descriptors) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return (FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true), FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true))
    }
}
