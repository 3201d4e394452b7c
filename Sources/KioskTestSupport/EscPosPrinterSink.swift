import Foundation
import Glibc

/// A TCP ESC/POS printer on 127.0.0.1 for a CUPS `socket://` queue: one connection is one job,
/// and every job's bytes go, as they arrive, into one `EscPosPrinterModel`, which keeps its state
/// from one job to the next as a printer does. Connections are served one at a time, in the
/// order they come (a JetDirect-style port does the same).
public final class EscPosPrinterSink: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let condition = NSCondition()
    private var printer: EscPosPrinterModel
    private var finishedJobs = 0
    private var cutShortAfter: Int?

    public init(widthDots: Int = 576, lineSpacingDots: Int = 30) throws {
        printer = EscPosPrinterModel(widthDots: widthDots, lineSpacingDots: lineSpacingDots)
        (listener, port) = try Loopback.listener(for: "ESC/POS printer sink")
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    public var deviceURI: String { "socket://127.0.0.1:\(port)" }

    /// The printer as it is now (a copy).
    public var model: EscPosPrinterModel {
        condition.lock()
        defer { condition.unlock() }
        return printer
    }

    /// Cuts the next job short at the printer: the model gets its first `byteCount` bytes and the
    /// sink reads and drops the rest, so the sender sees a job that went through (CUPS reports it
    /// completed). The printer is left wherever those bytes took it, for the next job to cope with.
    public func cutShortNextJob(afterBytes byteCount: Int) {
        condition.lock()
        cutShortAfter = byteCount
        condition.unlock()
    }

    /// Waits until `count` jobs have ended (their connections closed by the sender).
    public func awaitJobs(_ count: Int, timeout: Double = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while finishedJobs < count {
            guard condition.wait(until: deadline) else {
                throw HarnessError("timed out after \(timeout) s waiting for \(count) print job(s) at port \(port); have \(finishedJobs)")
            }
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            condition.lock()
            var allowance = cutShortAfter ?? Int.max
            cutShortAfter = nil
            condition.unlock()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = recv(client, &buffer, buffer.count, 0)
                if count <= 0 { break }
                let kept = min(count, allowance)
                allowance -= kept
                condition.lock()
                printer.receive(buffer[0..<kept])
                condition.unlock()
            }
            close(client)
            condition.lock()
            finishedJobs += 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
