import Dispatch
import Foundation
import WiretraceCore
import WiretraceIngest

/// Reads the inputs on the calling thread and has worker threads parse and process the
/// documents a batch at a time; results come back on the calling thread in input order.
///
/// The reading thread only reads and splits records (JSONL lines are parsed by the workers, see
/// ``PendingItem``), so it keeps up with the workers. Ids are checked for duplicates in input
/// order on the calling thread, so rejections are exactly those of a serial read: a document
/// whose id was read before is rejected as a duplicate whatever its processing gave.
///
/// Memory: at most `workers + 1` batches in flight beyond the one being read, each cut at
/// `batchSize` items or `batchBytes` bytes.
struct ParallelIngest {
    var reader: DocumentReader
    var workers: Int
    var batchSize: Int
    /// Bytes of input per batch (see ``BatchBudget``).
    var batchBytes = PipelineConfiguration().batchBytes

    /// What a worker gives back for one item of a batch.
    enum Step<Output: Sendable>: Sendable {
        case document(id: String, location: SourceLocation, output: Output)
        case rejected(Rejection)
    }

    /// Processes every document of the inputs.
    ///
    /// - Parameters:
    ///   - process: runs on a worker thread with a batch of documents; returns one output per
    ///     document, in order.
    ///   - onDocument: called on the calling thread, in input order, with each document's id
    ///     and output (documents with a duplicate id go to `onRejection` instead).
    ///   - onRejection: every rejected input, in input order.
    func run<Output: Sendable>(
        process: @escaping @Sendable ([RawDocument]) -> [Output],
        onDocument: (String, Output) throws -> Void,
        onRejection: (Rejection) throws -> Void
    ) throws {
        try run(
            processItems: { pending in
                // Each document is moved into `documents` once; ids and locations are read in
                // place afterwards (a copy of a RawDocument retains every one of its strings).
                var documents: [RawDocument] = []
                var rejections: [Rejection?] = []
                documents.reserveCapacity(pending.count)
                rejections.reserveCapacity(pending.count)
                for item in pending {
                    switch item.resolved() {
                    case .document(let raw):
                        documents.append(raw)
                        rejections.append(nil)
                    case .rejected(let rejection):
                        rejections.append(rejection)
                    }
                }
                let outputs = process(documents)
                precondition(outputs.count >= documents.count, "process returned fewer outputs than documents")
                var next = 0
                return rejections.map { rejection -> Step<Output> in
                    if let rejection { return .rejected(rejection) }
                    defer { next += 1 }
                    return .document(id: documents[next].id, location: documents[next].location, output: outputs[next])
                }
            },
            onDocument: onDocument, onRejection: onRejection)
    }

    /// ``run(process:onDocument:onRejection:)`` for a caller that resolves the items itself (reads
    /// only some fields of a JSONL line, say): `processItems` runs on a worker thread with a batch
    /// of items as read and returns one step per item, in order.
    func run<Output: Sendable>(
        processItems: @escaping @Sendable ([PendingItem]) -> [Step<Output>],
        onDocument: (String, Output) throws -> Void,
        onRejection: (Rejection) throws -> Void
    ) throws {
        let batches = OrderedBatches<Step<Output>>(workers: workers, depth: workers + 1)
        defer { batches.close() }
        var duplicates = DuplicateIDFilter()
        func drain(_ ready: [[Step<Output>]]) throws {
            for step in ready.joined() {
                switch step {
                case .document(let id, let location, let output):
                    if let rejection = duplicates.rejection(id: id, location: location) {
                        try onRejection(rejection)
                    } else {
                        try onDocument(id, output)
                    }
                case .rejected(let rejection):
                    try onRejection(rejection)
                }
            }
        }
        var batch: [PendingItem] = []
        var budget = BatchBudget(documents: batchSize, bytes: batchBytes)
        func submit() throws {
            guard !batch.isEmpty else { return }
            let pending = batch
            batch.removeAll(keepingCapacity: true)
            budget.reset()
            batches.submit {
                let steps = processItems(pending)
                precondition(steps.count == pending.count, "processItems returned a step count unlike its items'")
                return steps
            }
            try drain(batches.drainReady())
        }
        var items = reader.makeItemIterator()
        while let item = items.nextPending() {
            if budget.needsCut(before: item.byteCount) { try submit() }
            batch.append(item)
            if budget.add(byteCount: item.byteCount) { try submit() }
        }
        try submit()
        try drain(batches.finish())
    }
}

/// Batches processed on worker threads of its own and handed back in submission order.
///
/// The workers are dedicated threads, not Dispatch's pool: a caller running on a pool thread
/// (as an async main does) would otherwise leave the pool one thread short of the cores, and
/// signing would run on one core while the reading thread waits.
///
/// `submit` blocks while `depth` batches are queued or being worked on, so at most `depth`
/// batches of input are held beyond the one being read; `drainReady` returns the finished
/// batches that are next in order; `finish` waits for all. `close` stops the threads (after
/// `finish`, or to abandon the work).
final class OrderedBatches<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let depth: Int
    private var queue: [(number: Int, work: @Sendable () -> [Output])] = []
    private var queueHead = 0
    private var finished: [Int: [Output]] = [:]
    private var submitted = 0
    private var completed = 0
    private var nextToDrain = 0
    private var closed = false

    init(workers: Int, depth: Int) {
        self.depth = max(1, depth)
        for _ in 0..<max(1, workers) {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20  // the extractor's recursion over deep pages
            thread.start()
        }
    }

    private func work() {
        while true {
            condition.lock()
            while queueHead == queue.count && !closed { condition.wait() }
            if queueHead == queue.count {
                condition.unlock()
                return
            }
            let (number, job) = queue[queueHead]
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            condition.unlock()
            let output = job()
            condition.lock()
            finished[number] = output
            completed += 1
            condition.broadcast()
            condition.unlock()
        }
    }

    func submit(_ work: @escaping @Sendable () -> [Output]) {
        condition.lock()
        defer { condition.unlock() }
        while submitted - completed >= depth { condition.wait() }
        queue.append((submitted, work))
        submitted += 1
        condition.broadcast()
    }

    func drainReady() -> [[Output]] {
        condition.lock()
        defer { condition.unlock() }
        return takeReady()
    }

    private func takeReady() -> [[Output]] {
        var ready: [[Output]] = []
        while let output = finished.removeValue(forKey: nextToDrain) {
            ready.append(output)
            nextToDrain += 1
        }
        return ready
    }

    func finish() -> [[Output]] {
        condition.lock()
        defer { condition.unlock() }
        while completed < submitted { condition.wait() }
        return takeReady()
    }

    /// Lets the worker threads end once the queue is empty; work not yet started is dropped.
    func close() {
        condition.lock()
        closed = true
        queue.removeAll()
        queueHead = 0
        condition.broadcast()
        condition.unlock()
    }
}
