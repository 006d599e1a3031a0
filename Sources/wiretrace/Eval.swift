import ArgumentParser

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Wiretrace against a labelled evaluation set.",
        subcommands: [EvalClusters.self, EvalQuotes.self])
}
