import Foundation
import Glibc
import KioskTestSupport
import Testing

/// A child's pipe reaches only that child: a process started by any other means, at any moment,
/// does not inherit it (Foundation's `Pipe` is inherited by whatever another thread spawns).
@Suite struct ChildPipeTests {
    /// The descriptors a child started with plain `posix_spawn` (no file actions: everything not
    /// close-on-exec is inherited, as in a child another thread spawns meanwhile) finds open.
    func descriptorsInheritedBySpawnedChild() throws -> Set<Int32> {
        let listing = try RepositoryPaths.temporaryDirectory("child-pipe").appendingPathComponent("fds")
        let arguments = ["/bin/sh", "-c", "ls /proc/$$/fd > \(listing.path)"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { throw HarnessError("posix_spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let names = try String(contentsOf: listing, encoding: .utf8).split(separator: "\n")
        return Set(names.compactMap { Int32($0) })
    }

    @Test func noOtherChildInheritsAChildPipe() throws {
        let pipe = try ChildPipe(child: .writes)
        let inherited = try descriptorsInheritedBySpawnedChild()
        #expect(!inherited.contains(pipe.reading.fileDescriptor))
        #expect(!inherited.contains(pipe.writing.fileDescriptor))
    }

    /// The check above can fail: a plain pipe, as Foundation's `Pipe` makes, is inherited.
    @Test func aPlainPipeIsInherited() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        defer { for descriptor in descriptors { close(descriptor) } }
        let inherited = try descriptorsInheritedBySpawnedChild()
        #expect(inherited.contains(descriptors[1]))
    }

    @Test func theChildItIsForWritesThroughIt() throws {
        let finished = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "cat; echo to-errors >&2"], input: Data("through stdin\n".utf8), timeout: 20)
        #expect(finished.status == 0)
        #expect(finished.outputText == "through stdin\n")
        #expect(finished.errorText == "to-errors\n")
    }
}
