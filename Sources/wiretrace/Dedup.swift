import ArgumentParser
import WiretraceCore
import WiretracePipeline

struct Dedup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find near-duplicate groups only (no store, no story level).",
        discussion: """
            Writes one JSONL line per group of two or more documents: {"group", "members": [ids]}.
            Pairs are LSH candidates verified on the exact shingle sets (Jaccard ≥ threshold, or the
            shorter text's containment ≥ the containment threshold).
            """)

    @Option(name: .long, help: "Jaccard threshold for near-duplicates (default 0.5, or the pipeline file's).")
    var threshold: Double?

    @Option(name: .long, help: "Write the groups to FILE instead of stdout.")
    var out: String?

    @Option(name: .long, help: .hidden)
    var lshRecall: Double?

    @OptionGroup var options: InputOptions

    func validate() throws {
        if let threshold { try checkRange("--threshold", threshold, 0...1, excludingLower: true) }
        if let lshRecall { try checkRange("--lsh-recall", lshRecall, 0...1) }
    }

    func run() throws {
        var configuration = try options.pipelineConfiguration()
        if let threshold { configuration.dedup.threshold = threshold }
        if let lshRecall {
            // Evaluation: LSH candidate recall against brute-force exact Jaccard ≥ lshRecall.
            let result = DedupRun(configuration: configuration).lshRecall(inputs: options.inputs, minimumJaccard: lshRecall)
            print("documents \(result.documents); pairs with exact Jaccard >= \(lshRecall): \(result.oraclePairs); "
                + "proposed by LSH: \(result.oraclePairsProposed); recall \(result.recall); LSH candidates \(result.candidatePairs); "
                + "reported \(result.reportedPairs) (\(result.jaccardPairs) on Jaccard >= \(configuration.dedup.threshold), lowest "
                + "\(result.lowestReportedJaccard.map { String($0) } ?? "-"); \(result.containmentOnlyPairs) on containment only)")
            return
        }
        let result = try DedupRun(configuration: configuration, progress: options.progressReporter)
            .run(inputs: options.inputs, onRejection: printRejection)
        let lines = result.groups.enumerated().map { index, members -> String in
            let ids: [JSONValue] = members.map { JSONValue.string($0) }
            return JSONValue.object([("group", .int(index + 1)), ("members", .array(ids))]).serialized()
        }
        try Standard.write(lines, to: out)
        let rejected = result.rejects.total > 0 ? ", rejected \(result.rejects.total)" : ""
        Standard.error("wiretrace: \(result.documents) documents, \(result.candidatePairs) candidate pairs over "
            + "\(result.candidateDocuments) documents, \(result.pairs) verified, \(result.groups.count) groups\(rejected)")
    }
}
