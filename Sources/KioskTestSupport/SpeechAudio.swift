import Foundation

/// Where a kioskd under test speaks: an ALSA `file` device named `speechfile` (in the HOME
/// `.asoundrc` of `environment`) that hands the sound to a pacer taking the samples in real time,
/// as a sound card does (22,050 Hz, 16-bit mono, as espeak-ng makes them), appending them to
/// `speech.raw`; and, first on the PATH, an `espeak-ng` that notes the text it is given in
/// `spoken.log` and runs the real one. The pacer notes, on the CLOCK_MONOTONIC of
/// `time.monotonic()`, when each opening of the device got its first sample and its last.
///
/// Like a sound card, the device stops when aplay goes: the pacer is given aplay's pid (the
/// shell's `$PPID`) rather than asking for its parent once started, which aplay, killed at once,
/// may no longer be; and it does not hold aplay's stderr, which kioskd reads to its end.
public final class SpeechAudio: Sendable {
    public static let device = "speechfile"
    public static let bytesPerSecond = 44_100
    public static var isAvailable: Bool {
        ["/usr/bin/espeak-ng", "/usr/bin/aplay", "/usr/bin/python3"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public let directory: URL
    public let environment: [String: String]
    private let sound: URL
    private let spokenLog: URL
    private let playLog: URL

    static let pacer = """
        import os, sys, time
        path, log, rate, player = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        out = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        start, sent = None, 0
        while True:
            data = os.read(0, rate // 100)
            if not data or os.getppid() != player:
                break
            if start is None:
                start = time.monotonic()
                with open(log, "a") as f:
                    f.write("start %.6f\\n" % start)
            os.write(out, data)
            sent += len(data)
            ahead = sent / rate - (time.monotonic() - start)
            if ahead > 0:
                time.sleep(ahead)
        if start is not None:
            with open(log, "a") as f:
                f.write("end %.6f %d\\n" % (time.monotonic(), sent))
        """

    static let espeakRecorder = """
        #!/bin/sh
        # The text is the last argument.
        for text; do :; done
        printf '%s\\n' "$text" >> "$(dirname "$0")/../spoken.log"
        exec /usr/bin/espeak-ng "$@"
        """

    public init(directory: URL) throws {
        self.directory = directory
        let home = directory.appendingPathComponent("home"), bin = directory.appendingPathComponent("bin")
        for folder in [home, bin] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        sound = directory.appendingPathComponent("speech.raw")
        spokenLog = directory.appendingPathComponent("spoken.log")
        playLog = directory.appendingPathComponent("plays.log")
        let pacer = directory.appendingPathComponent("pacer.py")
        try Self.pacer.write(to: pacer, atomically: true, encoding: .utf8)
        try """
            pcm.\(Self.device) {
                type file
                slave.pcm "null"
                file "|exec /usr/bin/python3 \(pacer.path) \(sound.path) \(playLog.path) \(Self.bytesPerSecond) $PPID 2>/dev/null"
                format "raw"
            }
            """.write(to: home.appendingPathComponent(".asoundrc"), atomically: true, encoding: .utf8)
        let espeak = bin.appendingPathComponent("espeak-ng")
        try Self.espeakRecorder.write(to: espeak, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: espeak.path)
        environment = ["HOME": home.path, "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    /// The texts given to espeak-ng, in order (one line each).
    public var spoken: [String] {
        ((try? String(contentsOf: spokenLog, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// How many bytes of sound reached the device.
    public var soundBytes: Int {
        (try? FileManager.default.attributesOfItem(atPath: sound.path)[.size] as? Int) ?? 0
    }

    /// When each play's first sample reached the device (seconds, CLOCK_MONOTONIC).
    public var firstSamples: [Double] { plays("start") }

    /// When each play that ran to its end (or was cut) gave its last sample.
    public var lastSamples: [Double] { plays("end") }

    private func plays(_ kind: String) -> [Double] {
        ((try? String(contentsOf: playLog, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            return fields.first.map(String.init) == kind ? Double(fields[1]) : nil
        }
    }
}
