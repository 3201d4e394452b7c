/// Group commit: pushes that arrive together are stored in one write transaction, so a thousand
/// kiosks pushing at once cost a few disk flushes instead of a thousand. Each push is answered
/// only after the transaction that holds it has committed. If a whole batch fails, its days are
/// tried again one by one, so one bad day cannot take the others down with it.
///
/// `concurrentBatches` transactions may run at once: 1 for SQLite (one writer), more for
/// PostgreSQL, where one batch's commit wait would otherwise leave the CPUs idle.
actor IngestBatcher {
    typealias Writer = @Sendable ([VerifiedDay]) async throws -> [IngestOutcome]
    private typealias Pending = (day: VerifiedDay, reply: CheckedContinuation<IngestOutcome, any Error>)

    private let write: Writer
    private let maximumBatch: Int
    private let concurrentBatches: Int
    private var pending: [Pending] = []
    private var running = 0

    init(maximumBatch: Int = 512, concurrentBatches: Int = 1, write: @escaping Writer) {
        self.maximumBatch = maximumBatch
        self.concurrentBatches = concurrentBatches
        self.write = write
    }

    func submit(_ day: VerifiedDay) async throws -> IngestOutcome {
        try await withCheckedThrowingContinuation { reply in
            pending.append((day, reply))
            startBatches()
        }
    }

    private func startBatches() {
        while !pending.isEmpty, running < concurrentBatches {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            running += 1
            Task {
                await Self.store(batch, with: write)
                finished()
            }
        }
    }

    private func finished() {
        running -= 1
        startBatches()
    }

    private static func store(_ batch: [Pending], with write: Writer) async {
        do {
            let outcomes = try await write(batch.map(\.day))
            for (item, outcome) in zip(batch, outcomes) { item.reply.resume(returning: outcome) }
        } catch where batch.count > 1 {
            for item in batch {
                do {
                    item.reply.resume(returning: try await write([item.day])[0])
                } catch {
                    item.reply.resume(throwing: error)
                }
            }
        } catch {
            batch.forEach { $0.reply.resume(throwing: error) }
        }
    }
}
