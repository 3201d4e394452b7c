import Foundation

/// The one thread that renders printouts. Pango's font map is per thread, so however many
/// printers print at once, rendering stays on this one long-lived thread and the fonts are
/// loaded once.
final class RenderThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [@Sendable () -> Void] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    func start() {
        let thread = Thread { [self] in
            while let work = next() { work() }
            finished.signal()
        }
        thread.name = "kiosk-render"
        thread.start()
    }

    /// Ends after the renderings already asked for.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    /// Runs `body` on the render thread and waits for it.
    func render<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let reply = Reply<Result<T, any Error>>()
        condition.lock()
        pending.append { reply.send(Result { try body() }) }
        condition.signal()
        condition.unlock()
        return try reply.wait().get()
    }

    private func next() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            if stopping { return nil }
            condition.wait()
        }
        return pending.removeFirst()
    }
}
