import ArgumentParser
import Foundation
import WiretraceCore
import WiretracePipeline

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a Spark dedup run (pipelines/spark/, run with --articles) into a SQLite database.",
        discussion: """
            Reads DIR/articles/ (the extracted documents) and DIR/pairs.jsonl/ (the verified pairs), stores \
            the documents with their quotes, and builds stories and quotes over the Spark run's pairs \
            instead of recomputing them: its near-duplicate groups are the Spark run's. Use a fresh \
            database. Reports, exports and `wiretrace serve` then work as after `wiretrace run`.
            """)

    @Option(name: .long, help: "The SQLite database to create.")
    var db: String

    @Option(name: .long, help: "A pipeline file (YAML): the same one the Spark job's `wiretrace sign` used.")
    var config: String?

    @Flag(inversion: .prefixedNo, help: "Show progress on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    @Argument(help: "The Spark job's output directory.")
    var directory: String

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no such directory: \(directory)")
        }
    }

    func run() throws {
        let configuration = try loadPipelineConfiguration(config)
        let summary = try ImportRun(configuration: configuration, progress: ProgressMeter(enabled: progress ?? ProgressMeter.stderrIsTerminal))
            .run(directory: directory, databasePath: db)
        let counts = summary.counts
        try Standard.write([
            "run \(summary.runID): imported \(counts.documentsStored) documents (\(String(format: "%.2f", summary.seconds)) s)",
            "  \(counts.stories) stories, \(counts.duplicatePairs) near-duplicate pairs in \(counts.duplicateGroups) groups, "
                + "\(counts.quotes) quotes",
            "  database: \(summary.databasePath)",
        ], to: nil)
    }
}
