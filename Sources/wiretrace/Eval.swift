import ArgumentParser
import Foundation
import WiretraceEval
import WiretraceCore

/// `wiretrace eval`: scores pipeline stages against labelled data. A plain container: each
/// evaluation is its own subcommand.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a pipeline stage against labelled data.",
        subcommands: [EvalExtraction.self, EvalClusters.self, EvalQuotes.self, EvalDates.self])
}

/// `wiretrace eval extraction --gold FILE --html DIR`: the article-extraction benchmark's metric.
struct EvalExtraction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Score article-text extraction against a labelled set of pages.",
        discussion: """
            The gold file maps page ids to {"articleBody", "url"} (the Zyte article-extraction-benchmark's
            ground-truth.json); pages are <id>.html.gz or <id>.html in the --html directory. Texts are
            compared as multisets of 4-token shingles of Unicode \\w+ tokens; per-page TP/FP/FN are
            normalised by their sum; precision and recall are averaged over pages and F1 is taken of
            the averages. Exits 77 (skipped) when the gold file or the page directory is absent.
            """)

    @Option(name: .long, help: "Gold file: {id: {\"articleBody\", \"url\"}}.")
    var gold: String

    @Option(name: .long, help: "Directory of the labelled pages, <id>.html(.gz).")
    var html: String

    @Option(name: .long, help: "How many of the lowest-F1 pages to list.")
    var worst: Int = 10

    @Option(name: .long, help: "Write the extracted texts as JSON {id: {\"articleBody\", \"url\"}} (the benchmark's output format).")
    var output: String?

    func validate() throws {
        try checkRange("--worst", worst, 0...maximumListLength)
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gold) else {
            Standard.error("wiretrace eval extraction: skipped: no gold file at \(gold)")
            throw ExitCode(77)
        }
        guard FileManager.default.fileExists(atPath: html, isDirectory: &isDirectory), isDirectory.boolValue else {
            Standard.error("wiretrace eval extraction: skipped: no page directory at \(html)")
            throw ExitCode(77)
        }
        let pages = try GoldPage.load(path: gold)
        var texts: [(GoldPage, String)] = []
        let scores = ExtractionEvaluation().run(gold: pages, htmlDirectory: html) { page, text in
            if output != nil { texts.append((page, text)) }
        }
        try Standard.write(scores.lines(worst: worst), to: nil)
        if let output {
            try Standard.write([ExtractionScores.benchmarkOutput(texts).serialized()], to: output)
        }
    }
}
