import Foundation
import WiretraceCore
import WiretraceExtract
import WiretraceIngest
import WiretraceStore

/// What a run did, for the summary the CLI prints.
public struct RunSummary: Sendable {
    public var runID: Int
    public var counts: RunCounts
    public var databasePath: String
    public var seconds: Double
    /// Seconds per stage ("ingest", "candidates+verify", "quote matching", "stories", "store").
    public var stageSeconds: [(stage: String, seconds: Double)]
}

/// The whole pipeline: ingest → extract → sign → store (streaming, in batches), then the
/// barrier stages over everything stored (candidates, verification, groups, stories, quotes).
public struct PipelineRunner {
    var configuration: PipelineConfiguration
    var progress: ProgressMeter
    /// Called for each rejected document or file as it happens (the CLI prints them).
    var onRejection: (Rejection) -> Void

    public init(configuration: PipelineConfiguration, progress: ProgressMeter = ProgressMeter(enabled: false), onRejection: @escaping (Rejection) -> Void = { _ in }) {
        self.configuration = configuration
        self.progress = progress
        self.onRejection = onRejection
    }

    public func run(inputs: [String], databasePath: String) throws -> RunSummary {
        let started = Date()
        let store = try WiretraceStore(path: databasePath)
        try store.markInterruptedRuns()
        let runID = try store.beginRun(inputs: inputs, parameters: configuration.summaryJSON)
        var counts = RunCounts()
        var stageSeconds: [(stage: String, seconds: Double)] = []
        do {
            let analysis = Analysis(configuration: configuration, progress: progress)
            try ingest(inputs: inputs, store: store, runID: runID, counts: &counts)
            analysis.timings.mark("ingest")
            let snapshot = try analysis.run(store: store, runID: runID)
            try store.replaceAnalysis(snapshot, run: runID) { CrashPoint.reach("commit") }
            analysis.timings.mark("store")
            stageSeconds = analysis.timings.stages.map { (stage: $0.0, seconds: $0.1) }
            counts.duplicatePairs = snapshot.pairs.count
            counts.duplicateGroups = snapshot.groups.count
            counts.stories = snapshot.clusters.count
            counts.quotes = snapshot.quotes.count
            try store.finishRun(runID, counts: counts)
        } catch {
            try? store.finishRun(runID, counts: counts, status: "failed")
            throw error
        }
        return RunSummary(runID: runID, counts: counts, databasePath: databasePath, seconds: Date().timeIntervalSince(started),
            stageSeconds: stageSeconds)
    }

    /// Reads, extracts and stores the inputs a batch at a time, in input order.
    ///
    /// Two batches overlap: while batch n's articles are signed and their quotes found (on
    /// worker threads: most of ingest's CPU), this thread reads batch n+1, extracts it (in
    /// parallel) and removes its learned boilerplate (in order, as counts require), then stores
    /// batch n. Run one after the other, the reading, the boilerplate and the store writes left
    /// a core idle. Everything that depends on order (boilerplate counts, rejections, the
    /// store's identity decisions) still happens in input order on this thread, so the
    /// database is the same; one batch more is held (at most `run.batch_bytes` of input).
    private func ingest(inputs: [String], store: WiretraceStore, runID: Int, counts: inout RunCounts) throws {
        let processor = DocumentProcessor(configuration: configuration)
        let boilerplate = OutletBoilerplate(configuration: configuration.boilerplate)
        let reader = DocumentReader(inputs: inputs, configuration: configuration.ingest)
        var batch: [RawDocument] = []
        var budget = BatchBudget(configuration)
        var rejections: [Rejection] = []
        /// The batch being signed, with the rejections to record once it is stored.
        var signing: (documents: BackgroundWork<[StoredDocument]>, rejections: [Rejection])?
        progress.begin("ingest")

        func reject(_ rejection: Rejection) {
            counts.rejects.add(rejection.reason)
            rejections.append(rejection)
            onRejection(rejection)
        }
        func storeSigned() throws {
            guard let (work, batchRejections) = signing else { return }
            signing = nil
            // Identity (same id, or same URL and text: not stored twice) is decided by the store
            // inside the batch's transaction; a re-run after a crash finds the batch stored or not.
            for outcome in try store.store(work.wait(), run: runID) {
                switch outcome {
                case .stored, .updated: counts.documentsStored += 1
                case .unchanged, .sameAs: counts.documentsUnchanged += 1
                }
            }
            try store.record(rejections: batchRejections, run: runID)
            progress.update(done: counts.documentsRead)
            CrashPoint.reach("ingest")
        }
        func flush() throws {
            guard !batch.isEmpty else { return }
            let formats = batch.map(\.format)
            let extracted = processor.extract(batch, boilerplate: boilerplate)
            batch.removeAll()
            budget.reset()
            var articles: [(Article, InputFormat)] = []
            for (result, format) in zip(extracted, formats) {
                switch result {
                case .failure(let rejection): reject(rejection)
                case .success(let article): articles.append((article, format))
                }
            }
            let extractedArticles = articles
            let work = BackgroundWork { processor.parallelMap(extractedArticles) { processor.sketch($0.0, format: $0.1) } }
            try storeSigned()
            signing = (work, rejections)
            rejections.removeAll()
        }

        try reader.read { item in
            switch item {
            case .rejected(let rejection):
                reject(rejection)
            case .document(let raw):
                counts.documentsRead += 1
                if budget.needsCut(before: raw.payloadByteCount) { try flush() }
                batch.append(raw)
                if budget.add(byteCount: raw.payloadByteCount) { try flush() }
            }
        }
        try flush()
        try storeSigned()
        try store.record(rejections: rejections, run: runID)
        progress.end()
    }
}

/// Work run on a thread of its own (with the stack the extractor's workers get); `wait()`
/// returns its result once it is done.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result?

    init(_ work: @escaping @Sendable () -> Result) {
        let thread = Thread { [self] in
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result, waiting for it.
    func wait() -> Result {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
