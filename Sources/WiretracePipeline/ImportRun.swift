import Foundation
import WiretraceCore
import WiretraceStore

/// `wiretrace import`: loads the output of the Spark job (`pipelines/spark/`) into a store, so
/// that stories, quotes, reports and the review pages work on it as on a local run.
///
/// Reads, under the job's output directory:
/// - `articles/`: JSONL part files, one `wiretrace extract` object per document (the job writes
///   them when run with `--articles`); each is stored with its quotes, as `wiretrace run` does.
/// - `pairs.jsonl/`: JSONL part files of verified pairs `{"a", "b", "intersection", "size_a", "size_b"}`.
///
/// Then runs the barrier stages (``Analysis``) with those pairs instead of its own LSH and
/// verification, so the near-duplicate groups are exactly the Spark run's. What differs from
/// `wiretrace run`: outlet boilerplate learned across documents is not removed (the texts are
/// those the job signed), and pairs are not recomputed for documents stored by earlier runs, so
/// import into a fresh database.
public struct ImportRun {
    var configuration: PipelineConfiguration
    var progress: ProgressMeter

    public init(configuration: PipelineConfiguration, progress: ProgressMeter = ProgressMeter(enabled: false)) {
        self.configuration = configuration
        self.progress = progress
    }

    /// - Throws: ``WiretraceError`` naming the file and line of a record that cannot be read.
    public func run(directory: String, databasePath: String) throws -> RunSummary {
        let started = Date()
        let articleFiles = try Self.partFiles(directory, "articles")
        let pairFiles = try Self.partFiles(directory, "pairs.jsonl")
        let store = try WiretraceStore(path: databasePath)
        let runID = try store.beginRun(inputs: [directory], parameters: configuration.summaryJSON)
        var counts = RunCounts()
        do {
            let processor = DocumentProcessor(configuration: configuration)
            var batch: [Article] = []
            func flush() throws {
                let documents = processor.parallelMap(batch) { processor.sketch($0, format: .jsonl) }
                batch.removeAll(keepingCapacity: true)
                // Every document the Spark run kept, also one with the URL and text of another
                // (`run` would fold it into the first): the imported pairs name them all.
                try store.store(documents, run: runID, foldingSameURL: false)
                counts.documentsStored += documents.count
                progress.update(done: counts.documentsRead)
            }
            progress.begin("import")
            let decoder = JSONDecoder()
            for file in articleFiles {
                try Self.forEachLine(file) { line, number in
                    do {
                        batch.append(try decoder.decode(Article.self, from: Data(line.utf8)))
                    } catch {
                        throw WiretraceError(.io, "not an article object: \(error)", location: "\(file) line \(number)")
                    }
                    counts.documentsRead += 1
                    if batch.count >= configuration.batchSize { try flush() }
                }
            }
            try flush()
            progress.end()

            var pairs: [IdentifiedPair] = []
            for file in pairFiles {
                try Self.forEachLine(file) { line, number in
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                        let a = object["a"] as? String, let b = object["b"] as? String,
                        let intersection = object["intersection"] as? Int, let sizeA = object["size_a"] as? Int,
                        let sizeB = object["size_b"] as? Int
                    else {
                        throw WiretraceError(
                            .io, #"not a pair object {"a", "b", "intersection", "size_a", "size_b"}"#, location: "\(file) line \(number)")
                    }
                    pairs.append(IdentifiedPair(a: a, b: b, intersection: intersection, sizeA: sizeA, sizeB: sizeB))
                }
            }
            var analysis = Analysis(configuration: configuration, progress: progress)
            analysis.precomputedPairs = pairs
            let snapshot = try analysis.run(store: store)
            try store.replaceAnalysis(snapshot)
            analysis.timings.mark("store")
            counts.duplicatePairs = snapshot.pairs.count
            counts.duplicateGroups = snapshot.groups.count
            counts.stories = snapshot.clusters.count
            counts.quotes = snapshot.quotes.count
            try store.finishRun(runID, counts: counts)
            return RunSummary(
                runID: runID, counts: counts, databasePath: databasePath, seconds: Date().timeIntervalSince(started),
                stageSeconds: analysis.timings.stages.map { (stage: $0.0, seconds: $0.1) })
        } catch {
            try? store.finishRun(runID, counts: counts, status: "failed")
            throw error
        }
    }

    /// The non-hidden files of `directory/name` (Spark's `part-*` files), sorted; `_SUCCESS`
    /// markers and `.crc` files are skipped.
    static func partFiles(_ directory: String, _ name: String) throws -> [String] {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw WiretraceError(
                .io, "no \(name)/ directory in the Spark output (run the job with --articles to write articles/)", location: path)
        }
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") && !$0.hasSuffix(".crc") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    /// Calls `body` with each non-empty line of a file and its 1-based number.
    static func forEachLine(_ path: String, _ body: (String, Int) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WiretraceError(.io, "cannot read", location: path)
        }
        var number = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard !line.isEmpty else { continue }
            try body(String(decoding: line, as: UTF8.self), number)
        }
    }
}
