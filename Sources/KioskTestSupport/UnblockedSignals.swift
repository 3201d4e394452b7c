import Foundation

extension Process {
    /// Runs `executable` with every signal unblocked.
    ///
    /// A child inherits the signal mask of the thread that spawns it, and the test runner's
    /// threads block most signals. Servers that wait for signals of their own (cupsd's backends,
    /// ippeveprinter) then hang or fail, and SIGTERM never reaches them. Perl (always on Debian)
    /// clears the mask and execs the program, keeping the pid.
    func runUnblocked(_ executable: String, _ arguments: [String]) throws {
        executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        self.arguments = ["-e", "use POSIX; sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die; exec {$ARGV[0]} @ARGV or die \"$ARGV[0]: $!\"", executable] + arguments
        try run()
    }
}
