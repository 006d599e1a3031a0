import ArgumentParser
import WiretraceCore
import WiretraceEval
import WiretraceStore

struct EvalClusters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Score a database's story clusters against a gold {id, cluster[, topic]} JSONL.",
        discussion: """
            Prints B-cubed and pairwise precision/recall/F1, the adjusted Rand index and, when the gold
            lines carry a topic, the share of documents merged with the paired event of their topic.
            Documents are compared on the ids both sides have; the counts of the others are printed.
            """)

    @Option(name: .long, help: "Gold JSONL: one {\"id\", \"cluster\"} object per line (\"topic\" optional).")
    var gold: String

    @Option(name: .long, help: "The SQLite database written by `wiretrace run` over the same documents.")
    var db: String

    @Flag(name: .long, help: "Print the scores as one JSON object.")
    var json = false

    func run() throws {
        let goldFile: GoldClusters
        do {
            goldFile = try GoldClusters.load(path: gold)
        } catch let error as WiretraceError {
            throw ValidationError(error.message)
        }
        let result = try ClusterEvaluation(gold: goldFile, store: try openExistingStore(db))
        try Standard.write(json ? [result.json.serialized()] : result.lines(), to: nil)
    }
}
