import ArgumentParser
import WiretraceCore
import WiretracePipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole pipeline over INPUT files or directories into a SQLite database.",
        discussion: """
            Daily dumps go into one database: only new or changed documents are matched against the
            stored LSH band index, duplicate groups and stories are extended (the same as one run over
            everything), and a story keeps its id as it grows; when two merge, the older id survives.
            The same id, or the same URL with the same text, is not stored twice; the same URL with
            other text is a new version of the page. A killed run is finished by running it again.
            Exits 0 even when documents are rejected; the summary says how many and why.
            """)

    @Option(name: .long, help: "The SQLite database to create or update.")
    var db: String

    @OptionGroup var options: InputOptions

    @Flag(name: .long, help: "Do not print each rejected document on stderr (the summary still counts them).")
    var quietRejects = false

    func run() throws {
        let configuration = try options.pipelineConfiguration()
        let quiet = quietRejects
        let onRejection: (Rejection) -> Void = { rejection in if !quiet { printRejection(rejection) } }
        let runner = PipelineRunner(configuration: configuration, progress: options.progressReporter, onRejection: onRejection)
        let summary = try runner.run(inputs: options.inputs, databasePath: db)
        let counts = summary.counts
        var lines: [String] = [
            "run \(summary.runID): read \(counts.documentsRead) documents, stored \(counts.documentsStored), "
                + "unchanged \(counts.documentsUnchanged), rejected \(counts.rejects.total) "
                + "(\(String(format: "%.2f", summary.seconds)) s)",
            "  \(counts.stories) stories, \(counts.duplicatePairs) near-duplicate pairs in \(counts.duplicateGroups) groups, "
                + "\(counts.quotes) quotes",
        ]
        if counts.rejects.total > 0 {
            lines.append("  rejected by reason: " + counts.rejects.sorted.map { "\($0.reason.rawValue) \($0.count)" }.joined(separator: ", "))
        }
        lines.append("  stages: " + summary.stageSeconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", "))
        lines.append("  database: \(summary.databasePath)")
        try Standard.write(lines, to: nil)
    }
}
