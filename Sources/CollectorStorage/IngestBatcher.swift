import CollectorCore

/// Group commit: pushes that arrive together are stored in one write transaction, so a thousand
/// kiosks pushing at once cost a few disk flushes instead of a thousand. Each push is answered
/// only after the transaction that holds it has committed. If a whole batch fails, its days are
/// tried again one by one, so one bad day cannot take the others down with it.
actor IngestBatcher {
    typealias Writer = @Sendable ([VerifiedDay]) async throws -> [IngestOutcome]

    private let write: Writer
    private let maximumBatch: Int
    private var pending: [(day: VerifiedDay, reply: CheckedContinuation<IngestOutcome, any Error>)] = []
    private var draining = false

    init(maximumBatch: Int = 512, write: @escaping Writer) {
        self.maximumBatch = maximumBatch
        self.write = write
    }

    func submit(_ day: VerifiedDay) async throws -> IngestOutcome {
        try await withCheckedThrowingContinuation { reply in
            pending.append((day, reply))
            if !draining {
                draining = true
                Task(priority: .high) { await drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
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
        draining = false
    }
}
