import Foundation
import Glibc

/// A pipe for a child's standard stream, close-on-exec from the moment it exists, so that no other
/// child can inherit it: a Unix stream socket pair made with `SOCK_CLOEXEC` (`pipe2`, which would
/// do the same, is not in Swift's Glibc module).
///
/// Not Foundation's `Pipe`: its descriptors are inherited across exec, and `Process.run()` closes
/// in the child only the descriptors up to the highest one open when it looked. A pipe made by
/// another thread meanwhile went to that child too: a cupsd started while a test ran `lpstat`
/// kept the write end of lpstat's output, and the test waited for the end of that output until
/// cupsd was stopped (a whole run hung). `posix_spawn`'s dup2 onto 0, 1 or 2 clears close-on-exec,
/// so the child the pipe is meant for still gets it. Close the child's end in the parent once
/// the child runs (`childStarted`), or the other end never reads end of file.
public final class ChildPipe: Sendable {
    public let reading: FileHandle
    public let writing: FileHandle
    private let childSide: ChildSide

    public enum ChildSide: Sendable {
        /// The child writes (its standard output or error); the parent reads.
        case writes
        /// The child reads (its standard input); the parent writes.
        case reads
    }

    public init(child side: ChildSide) throws {
        var descriptors: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &descriptors) == 0 else {
            throw HarnessError("cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        reading = FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true)
        writing = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
        childSide = side
    }

    /// The end to give the child (`Process.standardInput`, `standardOutput` or `standardError`).
    public var childEnd: FileHandle { childSide == .writes ? writing : reading }

    /// The end the parent keeps.
    public var parentEnd: FileHandle { childSide == .writes ? reading : writing }

    /// Closes the parent's copy of the child's end: call it once `run()` returned or threw.
    public func childStarted() {
        try? childEnd.close()
    }
}

extension Process {
    /// Runs the process, then closes the parent's copy of each pipe's child end (also when
    /// `run()` throws, so that a reader waiting on the other end sees end of file).
    public func run(handingOver pipes: ChildPipe...) throws {
        defer { for pipe in pipes { pipe.childStarted() } }
        try run()
    }
}
