import ArgumentParser
import WiretraceReport

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export from a database as JSONL.",
        discussion: """
            clusters:   {"cluster", "members": [{"id", "outlet", "role", "language"}]}, every document in exactly one
            duplicates: {"a", "b", "jaccard", "containment"}, one per verified near-duplicate pair
            quotes:     {"id", "quote", "start", "end", "speaker", "cue", "via": [...]}, offsets in Unicode scalars
            """)

    enum What: String, ExpressibleByArgument, CaseIterable {
        case clusters, duplicates, quotes
    }

    @Argument(help: "What to export: clusters, duplicates or quotes.")
    var what: What

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "Write to FILE instead of stdout.")
    var out: String?

    func run() throws {
        let store = try openExistingStore(db)
        let lines: [String]
        switch what {
        case .clusters: lines = try Exporter.clusterLines(store)
        case .duplicates: lines = try Exporter.duplicateLines(store)
        case .quotes: lines = try Exporter.quoteLines(store)
        }
        try Standard.write(lines, to: out)
    }
}
