import Foundation

/// A thermal printer on USB as CUPS's `kioskusb` test backend plays it: each job's bytes go to
/// a TCP sink (the paper), and the printer's state lives in files of `directory` that the test
/// changes while cupsd runs.
///
/// With paper, a job is sent whole and exits 0, clearing `media-empty-error` as the usb backend
/// does when the printer reports paper again. Out of paper, the backend does what `shape` says:
/// - `waitsInJob`: the usb backend's way (and most vendor backends'): it reports
///   `STATE: +media-empty-error` and stays in the job until the paper is back, then finishes it;
/// - `asksToRetry`: reports the reason and exits 6 (CUPS holds the job to retry it later);
/// - `fails`: reports the reason and exits 1 (under `printer-error-policy=abort-job` CUPS
///   aborts the job);
/// - `stopsHalfway`: sends the first half of the job's bytes, reports the reason and exits 4
///   (the queue stops), leaving the printer inside whatever command was under way.
/// In `crashesCups` mode every job kills cupsd (SIGSEGV, as Debian's deb12u10 build did on a
/// document name with spaces) once it reaches the backend.
public final class ModelPrinter: Sendable {
    public enum Shape: String, Sendable {
        case waitsInJob = "waits-in-job"
        case asksToRetry = "asks-to-retry"
        case fails
        case stopsHalfway = "stops-halfway"
    }

    public let directory: URL

    init(directory: URL, sinkPort: Int) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try String(sinkPort).write(to: directory.appendingPathComponent("sink"), atomically: true, encoding: .utf8)
        try Shape.waitsInJob.rawValue.write(to: directory.appendingPathComponent("shape"), atomically: true, encoding: .utf8)
    }

    public func set(shape: Shape) throws {
        try shape.rawValue.write(to: directory.appendingPathComponent("shape"), atomically: true, encoding: .utf8)
    }

    public func paperOut() {
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("no-paper").path, contents: nil)
    }

    public func paperBack() {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("no-paper"))
    }

    public func crashesCups(_ crashes: Bool) {
        let path = directory.appendingPathComponent("crash").path
        if crashes { _ = FileManager.default.createFile(atPath: path, contents: nil) } else { try? FileManager.default.removeItem(atPath: path) }
    }

    /// When the backend wrote each `STATE: +…` line (wall clock, seconds since 1970).
    public var faultsReported: [Double] {
        lines("faults").compactMap(Double.init)
    }

    /// How many jobs reached the backend (sent, waiting, failed or crashing alike).
    public var jobsStarted: Int {
        lines("jobs").count
    }

    private func lines(_ name: String) -> [String] {
        ((try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// The backend (bash, for /dev/tcp). Runs as root (mode 0700) so it can kill cupsd.
    static let backend = #"""
        #!/bin/bash
        # Test backend: a USB thermal printer (see ModelPrinter.swift).
        if [ $# -eq 0 ]; then echo 'direct kioskusb "Unknown" "Kiosk model thermal printer"'; exit 0; fi
        dir="$CUPS_SERVERROOT/kioskusb/${DEVICE_URI#kioskusb:/}"
        job=$(mktemp "$dir/job.XXXXXX")
        trap 'rm -f "$job"' EXIT
        cat "${6:-/dev/stdin}" > "$job"
        echo "$1" >> "$dir/jobs"
        if [ -e "$dir/crash" ]; then kill -SEGV "$PPID"; sleep 5; exit 1; fi
        send() { exec 3<>"/dev/tcp/127.0.0.1/$(cat "$dir/sink")" && "$@" >&3 && exec 3>&-; }
        fault() { date +%s.%N >> "$dir/faults"; echo "STATE: +media-empty-error" >&2; }
        if [ -e "$dir/no-paper" ]; then
          case "$(cat "$dir/shape")" in
            waits-in-job)
              fault
              while [ -e "$dir/no-paper" ]; do sleep 0.02; done ;;
            asks-to-retry) fault; exit 6 ;;
            fails) fault; echo "ERROR: out of paper" >&2; exit 1 ;;
            stops-halfway)
              send head -c $(( $(stat -c %s "$job") / 2 )) "$job"
              fault; echo "ERROR: out of paper" >&2; exit 4 ;;
          esac
        fi
        echo "STATE: -media-empty-error" >&2
        send cat "$job" || exit 1
        exit 0
        """#
}
